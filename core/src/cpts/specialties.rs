//! Fixed list of French medical specialties.
//!
//! The list follows the specialties recognised by the Ordre des médecins
//! (diplômes d'études spécialisées, DES, plus a few historical
//! qualifications still held by practising physicians). Codes are stable
//! ASCII `snake_case` identifiers meant to be stored and exchanged; labels
//! are for display only and may be reworded.

/// One medical specialty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Specialty {
    /// Stable identifier, ASCII lowercase `snake_case`.
    pub code: &'static str,
    /// French label, with accents.
    pub fr: &'static str,
    /// English label.
    pub en: &'static str,
}

/// Shorthand used to keep the table below readable.
const fn s(code: &'static str, fr: &'static str, en: &'static str) -> Specialty {
    Specialty { code, fr, en }
}

/// All known specialties: general practice first, then the others in the
/// alphabetical order of their French label.
pub const SPECIALTIES: &[Specialty] = &[
    s("general_practice", "Médecine générale", "General practice"),
    s("addictology", "Addictologie", "Addiction medicine"),
    s("allergology", "Allergologie", "Allergology"),
    s(
        "anatomic_pathology",
        "Anatomie et cytologie pathologiques",
        "Anatomic pathology",
    ),
    s(
        "anesthesiology",
        "Anesthésie-réanimation",
        "Anesthesiology and critical care",
    ),
    s(
        "medical_biology",
        "Biologie médicale",
        "Laboratory medicine",
    ),
    s(
        "cardiology",
        "Cardiologie et maladies vasculaires",
        "Cardiology and vascular diseases",
    ),
    s(
        "maxillofacial_surgery",
        "Chirurgie maxillo-faciale",
        "Maxillofacial surgery",
    ),
    s("oral_surgery", "Chirurgie orale", "Oral surgery"),
    s(
        "orthopedic_surgery",
        "Chirurgie orthopédique et traumatologique",
        "Orthopedic and trauma surgery",
    ),
    s(
        "pediatric_surgery",
        "Chirurgie pédiatrique",
        "Pediatric surgery",
    ),
    s(
        "plastic_surgery",
        "Chirurgie plastique, reconstructrice et esthétique",
        "Plastic, reconstructive and aesthetic surgery",
    ),
    s(
        "thoracic_surgery",
        "Chirurgie thoracique et cardiovasculaire",
        "Thoracic and cardiovascular surgery",
    ),
    s(
        "vascular_surgery",
        "Chirurgie vasculaire",
        "Vascular surgery",
    ),
    s(
        "visceral_surgery",
        "Chirurgie viscérale et digestive",
        "Visceral and digestive surgery",
    ),
    s(
        "dermatology",
        "Dermatologie et vénéréologie",
        "Dermatology and venereology",
    ),
    s(
        "endocrinology",
        "Endocrinologie-diabétologie-nutrition",
        "Endocrinology, diabetes and nutrition",
    ),
    s(
        "gastroenterology",
        "Gastro-entérologie et hépatologie",
        "Gastroenterology and hepatology",
    ),
    s("medical_genetics", "Génétique médicale", "Medical genetics"),
    s("geriatrics", "Gériatrie", "Geriatrics"),
    s(
        "medical_gynecology",
        "Gynécologie médicale",
        "Medical gynecology",
    ),
    s(
        "obstetrics_gynecology",
        "Gynécologie obstétrique",
        "Obstetrics and gynecology",
    ),
    s("hematology", "Hématologie", "Hematology"),
    s(
        "infectious_diseases",
        "Maladies infectieuses et tropicales",
        "Infectious and tropical diseases",
    ),
    s(
        "emergency_medicine",
        "Médecine d'urgence",
        "Emergency medicine",
    ),
    s(
        "occupational_medicine",
        "Médecine et santé au travail",
        "Occupational medicine",
    ),
    s(
        "intensive_care",
        "Médecine intensive-réanimation",
        "Intensive care medicine",
    ),
    s(
        "internal_medicine",
        "Médecine interne et immunologie clinique",
        "Internal medicine and clinical immunology",
    ),
    s(
        "forensic_medicine",
        "Médecine légale et expertises médicales",
        "Forensic medicine",
    ),
    s("nuclear_medicine", "Médecine nucléaire", "Nuclear medicine"),
    s(
        "physical_medicine",
        "Médecine physique et de réadaptation",
        "Physical and rehabilitation medicine",
    ),
    s(
        "vascular_medicine",
        "Médecine vasculaire",
        "Vascular medicine",
    ),
    s("nephrology", "Néphrologie", "Nephrology"),
    s("neurosurgery", "Neurochirurgie", "Neurosurgery"),
    s("neurology", "Neurologie", "Neurology"),
    s("medical_oncology", "Oncologie médicale", "Medical oncology"),
    s(
        "radiation_oncology",
        "Oncologie radiothérapie",
        "Radiation oncology",
    ),
    s("ophthalmology", "Ophtalmologie", "Ophthalmology"),
    s(
        "ent",
        "Oto-rhino-laryngologie et chirurgie cervico-faciale",
        "Otorhinolaryngology (ENT) and head and neck surgery",
    ),
    s("pediatrics", "Pédiatrie", "Pediatrics"),
    s("pneumology", "Pneumologie", "Pulmonology"),
    s("psychiatry", "Psychiatrie", "Psychiatry"),
    s(
        "radiology",
        "Radiologie et imagerie médicale",
        "Radiology and medical imaging",
    ),
    s("rheumatology", "Rhumatologie", "Rheumatology"),
    s("public_health", "Santé publique", "Public health"),
    s("stomatology", "Stomatologie", "Stomatology"),
    s("urology", "Urologie", "Urology"),
];

/// Looks a specialty up by code. The code is trimmed and ASCII-lowercased
/// before an exact comparison.
pub fn specialty(code: &str) -> Option<&'static Specialty> {
    let code = code.trim();
    SPECIALTIES
        .iter()
        .find(|sp| sp.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const REQUIRED: &[&str] = &[
        "general_practice",
        "dermatology",
        "cardiology",
        "pneumology",
        "endocrinology",
        "geriatrics",
        "psychiatry",
        "pediatrics",
        "rheumatology",
        "ophthalmology",
        "neurology",
        "gastroenterology",
        "ent",
    ];

    #[test]
    fn codes_are_unique() {
        let codes: HashSet<_> = SPECIALTIES.iter().map(|sp| sp.code).collect();
        assert_eq!(codes.len(), SPECIALTIES.len());
    }

    #[test]
    fn labels_are_unique_and_non_empty() {
        let fr: HashSet<_> = SPECIALTIES.iter().map(|sp| sp.fr).collect();
        let en: HashSet<_> = SPECIALTIES.iter().map(|sp| sp.en).collect();
        assert_eq!(fr.len(), SPECIALTIES.len());
        assert_eq!(en.len(), SPECIALTIES.len());
        for sp in SPECIALTIES {
            assert!(!sp.fr.trim().is_empty() && sp.fr.trim() == sp.fr);
            assert!(!sp.en.trim().is_empty() && sp.en.trim() == sp.en);
            assert!(sp.en.is_ascii(), "{}", sp.en);
        }
    }

    #[test]
    fn codes_are_lowercase_snake_case() {
        for sp in SPECIALTIES {
            assert!(!sp.code.is_empty());
            assert!(
                sp.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{}",
                sp.code
            );
            assert!(!sp.code.starts_with('_') && !sp.code.ends_with('_'));
            assert!(!sp.code.contains("__"));
        }
    }

    #[test]
    fn list_size_is_reasonable() {
        assert!((30..=50).contains(&SPECIALTIES.len()));
        assert_eq!(SPECIALTIES[0].code, "general_practice");
    }

    #[test]
    fn required_codes_exist() {
        for code in REQUIRED {
            assert_eq!(specialty(code).map(|sp| sp.code), Some(*code));
        }
    }

    #[test]
    fn lookup_trims_and_ignores_ascii_case() {
        let derm = specialty("dermatology").expect("known code");
        assert_eq!(derm.fr, "Dermatologie et vénéréologie");
        assert_eq!(specialty("  DermaTology\n"), Some(derm));
        assert_eq!(specialty("ENT").expect("known code").code, "ent");
        assert_eq!(
            specialty("\tGeneral_Practice ").expect("known code").fr,
            "Médecine générale"
        );
    }

    #[test]
    fn unknown_codes_give_none() {
        assert_eq!(specialty(""), None);
        assert_eq!(specialty("dermato"), None);
        assert_eq!(specialty("general practice"), None);
        assert_eq!(specialty("Dermatologie et vénéréologie"), None);
        assert_eq!(specialty("dentistry"), None);
    }
}
