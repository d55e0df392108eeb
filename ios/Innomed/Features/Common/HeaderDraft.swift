import Foundation
import InnomedServices

/// A case's header as a form fills it in (a care team's, a case between colleagues'): the
/// patient's label (initials or a pseudonym, never the name), age band, sex, reason, question
/// and consent to photos. Empty fields keep the form's button off; whatever else is wrong (a
/// label too long…) is the core's to say when the case is opened.
struct HeaderDraft: Equatable {
    var patientLabel = ""
    /// None until the doctor picks one.
    var ageBand: AgeBand?
    var sex: Sex = .unknown
    var reason = ""
    var question = ""
    var photoConsent = false

    /// A label, an age band and a question are there.
    var isFilled: Bool { header != nil }

    /// The header to send, its texts trimmed; `nil` while a label, an age band or a question is
    /// missing.
    var header: CaseHeader? {
        let label = HeaderDraft.trimmed(patientLabel)
        let asked = HeaderDraft.trimmed(question)
        guard let ageBand, !label.isEmpty, !asked.isEmpty else { return nil }
        return CaseHeader(patientLabel: label, ageBand: ageBand, sex: sex, reason: HeaderDraft.trimmed(reason),
                          question: asked, photoConsent: photoConsent)
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
