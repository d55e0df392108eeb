import Foundation

/// What a GP fills in to ask the CPTS's specialist on duty (or one picked from the directory).
public struct RequestDraft: Equatable, Sendable {
    public var specialty: String
    public var urgency: Urgency
    public var header: CaseHeader
    public var patientConsent: Bool
    public var expert: UserID?
    /// Camera photos (JPEG bytes) sent with the request: nobody may write into a request before
    /// the specialist who takes it has its history, so nothing follows it afterwards. Only the
    /// taker sees them; the core strips their metadata.
    public var photos: [Data]

    public init(specialty: String, urgency: Urgency, header: CaseHeader,
                patientConsent: Bool, expert: UserID?, photos: [Data] = []) {
        self.specialty = specialty
        self.urgency = urgency
        self.header = header
        self.patientConsent = patientConsent
        self.expert = expert
        self.photos = photos
    }
}

/// Whether the specialist needs to see the patient in person, and how soon.
public enum VisitNeed: String, CaseIterable, Sendable {
    case notNeeded, routine, within48h, urgent
}

/// The specialist's structured answer (the advice card).
public struct AdviceCard: Equatable, Sendable {
    public var assessment: String
    public var recommendation: String
    public var visit: VisitNeed

    public init(assessment: String, recommendation: String, visit: VisitNeed) {
        self.assessment = assessment
        self.recommendation = recommendation
        self.visit = visit
    }
}

/// The advice as received, with who gave it and when.
public struct ReceivedAdvice: Equatable, Sendable {
    public let advice: AdviceCard
    public let sender: UserID
    public let date: Date

    public init(advice: AdviceCard, sender: UserID, date: Date) {
        self.advice = advice
        self.sender = sender
        self.date = date
    }
}

/// Where the closure report was written on this device (never uploaded).
public struct ReportLocation: Equatable, Sendable {
    public let jsonURL: URL
    public let pdfURL: URL

    public init(jsonURL: URL, pdfURL: URL) {
        self.jsonURL = jsonURL
        self.pdfURL = pdfURL
    }
}

public enum RequestListFilter: Sendable {
    case open, overdue, answered
}

/// A télé-expertise request in a list, with the core's deadline state.
public struct RequestRow: Identifiable, Equatable, Sendable {
    public let row: CaseSummary
    public let deadline: DeadlineState
    public var id: CaseID { row.id }

    public init(row: CaseSummary, deadline: DeadlineState) {
        self.row = row
        self.deadline = deadline
    }
}

/// A reminder the core hands out once (deadline nearing, deadline passed).
public struct DeadlineReminder: Hashable, Sendable {
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
