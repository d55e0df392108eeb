package fr.innomed.android.test

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseRole
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseStatusInfo
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.HandoverWait
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.trust.TrustLevel

val GP = UserId("@dr.martin:cpts.test")
val DERM = UserId("@dr.benali:cpts.test")
val OTHER_DERM = UserId("@dr.lefevre:cpts.test")

fun row(
    id: String,
    membership: Membership = Membership.JOINED,
    status: CaseStatus? = CaseStatus.OPEN,
    dueAtMillis: Long? = null,
    deadline: Deadline? = dueAtMillis?.let { Deadline(DeadlineState.ON_TIME, it) },
    isRequest: Boolean = false,
    unread: Int = 0,
    brief: RequestBrief? = null,
    muted: Boolean = false,
    archived: Boolean = false,
    askedByMe: Boolean = false,
    waitingForMe: Boolean = false,
) = CaseSummary(
    roomId = RoomId("!$id:cpts.test"),
    code = "IM-$id",
    membership = membership,
    status = if (membership == Membership.INVITED) null else status,
    specialty = "dermatology",
    urgency = Urgency.SOON,
    dueAtMillis = dueAtMillis,
    deadline = deadline,
    unread = unread,
    isRequest = isRequest,
    inviter = if (membership == Membership.INVITED) GP else null,
    brief = brief,
    muted = muted,
    archived = archived,
    askedByMe = askedByMe,
    waitingForMe = waitingForMe,
)

fun details(
    roomId: RoomId,
    membership: Membership = Membership.JOINED,
    status: CaseStatus? = CaseStatus.OPEN,
    isRequest: Boolean = false,
    acceptedBy: UserId? = null,
    muted: Boolean = false,
) = CaseDetails(
    roomId = roomId,
    code = "IM-TEST",
    membership = membership,
    statusInfo = status?.takeIf { membership != Membership.INVITED }?.let {
        CaseStatusInfo(
            status = it,
            specialty = "dermatology",
            urgency = Urgency.SOON,
            dueAtMillis = null,
            isRequest = isRequest,
            acceptedBy = acceptedBy,
        )
    },
    muted = muted,
)

/** What the core decides for the doctor on a case, as a test scripts the fake with it. */
fun allowed(
    role: CaseRole,
    vararg actions: CaseAction,
    handover: HandoverWait? = null,
    deadline: Deadline? = null,
) = CaseActions(role, actions.toSet(), handover, deadline)

val HEADER = CaseHeader(
    patientLabel = "J.L.",
    ageBand = AgeBand.ADULT,
    sex = Sex.MALE,
    reason = "Nævus",
    question = "Conduite à tenir ?",
    photoConsent = true,
)

fun message(
    sender: UserId,
    kind: MessageKind,
    me: UserId = GP,
    eventId: String? = "\$${kind.hashCode()}",
    transactionId: String? = null,
    /** As the core gives it by default: the doctor themself verified, a colleague as first seen. */
    trust: TrustLevel = if (sender == me) TrustLevel.VERIFIED else TrustLevel.UNVERIFIED,
) = ConversationItem.Message(
    CaseMessage(
        eventId = eventId?.let(::EventId),
        transactionId = transactionId,
        sender = sender,
        isOwn = sender == me,
        timestampMillis = 1_700_000_000_000,
        kind = kind,
        inReplyTo = null,
        edited = false,
        sharedBy = null,
        sendState = SendState.Sent,
        readBy = emptyList(),
        trust = trust,
    ),
)

fun text(sender: UserId, body: String, me: UserId = GP) = message(sender, MessageKind.Text(body), me)

fun headerCard(sender: UserId = GP, me: UserId = GP) = message(sender, MessageKind.Header(HEADER), me)

fun specialist(userId: UserId, name: String, specialty: String = "dermatology") = MemberEntry(
    userId = userId,
    displayName = name,
    profession = Profession.PHYSICIAN,
    specialties = listOf(specialty),
    rpps = "10003987657",
    retired = false,
)
