import Foundation

/// What a GP fills in to ask the CPTS's specialist on duty (or one picked from the directory).
public struct TeleExpertiseRequest: Equatable, Sendable {
    public var specialty: String
    public var urgency: Urgency
    public var header: CaseHeader
    public var patientConsent: Bool
    public var expert: UserID?
    /// Camera photos (JPEG bytes) sent with the request: nobody may write into a request before
    /// the specialist who takes it has its history, so nothing follows it afterwards. Only the
    /// taker sees them; the core strips their metadata.
    public var photos: [Data]
    /// The GP's professional number as typed, when they ask to be called back (`nil`: no call
    /// back asked). The core checks it (`invalidRequest(.invalidPhone)`) before anything is
    /// opened; only the specialist who takes the request reads it.
    public var callBack: String?

    public init(specialty: String, urgency: Urgency, header: CaseHeader,
                patientConsent: Bool, expert: UserID?, photos: [Data] = [], callBack: String? = nil) {
        self.specialty = specialty
        self.urgency = urgency
        self.header = header
        self.patientConsent = patientConsent
        self.expert = expert
        self.photos = photos
        self.callBack = callBack
    }
}

/// The number a GP asked to be called back on, as the core checked and formatted it.
public struct CallBack: Equatable, Sendable {
    /// To dial, in international format (`+33612345678`).
    public let phone: String
    /// To read (`06 12 34 56 78` for a French number).
    public let display: String

    public init(phone: String, display: String) {
        self.phone = phone
        self.display = display
    }

    /// `tel:` and the number to dial, for the phone app.
    public var dialURL: URL? {
        URL(string: "tel:" + phone)
    }
}

/// Whether the specialist needs to see the patient in person, and how soon.
public enum InPerson: String, CaseIterable, Sendable {
    case notNeeded, routine, within48h, urgent
}

/// The specialist's structured answer (the advice card).
public struct Advice: Equatable, Sendable {
    public var assessment: String
    public var recommendation: String
    public var inPerson: InPerson

    public init(assessment: String, recommendation: String, inPerson: InPerson) {
        self.assessment = assessment
        self.recommendation = recommendation
        self.inPerson = inPerson
    }
}

/// The advice as received, with who gave it and when.
public struct GivenAdvice: Equatable, Sendable {
    public let advice: Advice
    public let sender: UserID
    public let date: Date

    public init(advice: Advice, sender: UserID, date: Date) {
        self.advice = advice
        self.sender = sender
        self.date = date
    }
}

/// Where the closure report was written on this device (never uploaded).
public struct ClosedCase: Equatable, Sendable {
    public let jsonURL: URL
    public let pdfURL: URL

    public init(jsonURL: URL, pdfURL: URL) {
        self.jsonURL = jsonURL
        self.pdfURL = pdfURL
    }
}

public enum RequestFilter: Sendable {
    case open, overdue, answered
}

/// A télé-expertise request in a list, with the core's deadline state.
public struct RequestSummary: Identifiable, Equatable, Sendable {
    public let row: CaseSummary
    public let deadline: DeadlineState
    public var id: CaseID { row.id }

    public init(row: CaseSummary, deadline: DeadlineState) {
        self.row = row
        self.deadline = deadline
    }
}

/// A reminder the core hands out once (deadline nearing, deadline passed).
public struct DeadlineAlert: Hashable, Sendable {
    public let caseID: CaseID
    public let code: String
    public let deadline: DeadlineState
    public let due: Date

    public init(caseID: CaseID, code: String, deadline: DeadlineState, due: Date) {
        self.caseID = caseID
        self.code = code
        self.deadline = deadline
        self.due = due
    }
}

/// A deadline reminder still to come for one of the doctor's open requests, as the core lists
/// them: to the taker when a quarter of the window is left (`dueSoon`) and when it has passed
/// (`overdue`), to the requesting GP when it has passed. The app hands them to the phone's
/// scheduler, since the core cannot wake a closed app.
public struct ScheduledReminder: Hashable, Sendable {
    public let caseID: CaseID
    /// The opaque code (`IM-7K2QX9`), the only thing the notification shows of the case.
    public let code: String
    /// When the reminder is due.
    public let at: Date
    /// `dueSoon` or `overdue`.
    public let state: DeadlineState

    public init(caseID: CaseID, code: String, at: Date, state: DeadlineState) {
        self.caseID = caseID
        self.code = code
        self.at = at
        self.state = state
    }
}
