//! Partner CPTS: declared by both coordinators, their directory and rota readable by each
//! other's members, their specialists reached when nobody is on duty here.

use std::sync::Arc;

use innomed_core::{CptsError, Partner};

use crate::{cpts::Cpts, platform::on_core};

#[uniffi::export]
impl Cpts {
    /// Coordinator only: declares a partner CPTS by its space and its coordinator (or confirms
    /// one that declared this CPTS first). `agreed` once both declared.
    pub async fn declare_partner(
        &self,
        space_id: String,
        coordinator: String,
    ) -> Result<Partner, CptsError> {
        on_core!(self.cpts, |cpts| cpts
            .declare_partner(&space_id, &coordinator))
    }

    /// Coordinator only: ends a partnership.
    pub async fn withdraw_partner(&self, space_id: String) -> Result<(), CptsError> {
        on_core!(self.cpts, |cpts| cpts.withdraw_partner(&space_id))
    }

    /// The partners this CPTS declared, and whether each declared it too.
    pub async fn partners(&self) -> Result<Vec<Partner>, CptsError> {
        on_core!(self.cpts, |cpts| cpts.partners())
    }

    /// A partner CPTS, to read its directory and rota: `PartnerNotAgreed` until it declared
    /// this one too.
    pub async fn partner_cpts(&self, space_id: String) -> Result<Arc<Cpts>, CptsError> {
        let partner = on_core!(self.cpts, |cpts| cpts.partner_cpts(&space_id))?;
        Ok(Arc::new(Cpts { cpts: partner }))
    }
}
