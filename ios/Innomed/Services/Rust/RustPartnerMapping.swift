import Foundation
import InnomedFFI

// The core names it `Partner`; the generated type is written with its module here, as every
// generated type in this folder.

extension PartnerCpts {
    init(rustValue p: InnomedFFI.Partner) {
        self.init(spaceID: CptsID(p.spaceId), name: p.name, coordinator: UserID(p.coordinator), agreed: p.agreed)
    }
}
