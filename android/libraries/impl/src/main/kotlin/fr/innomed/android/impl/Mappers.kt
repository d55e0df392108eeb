package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseActions
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseMember
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
import fr.innomed.android.api.cases.Unvouched
import fr.innomed.android.api.cases.UnvouchedMember
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.CallBack
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.requests.TeleExpertiseRequest
import fr.innomed.core.RequestPhoto
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.core.Advice as SdkAdvice
import fr.innomed.core.AgeBand as SdkAgeBand
import fr.innomed.core.CallBack as SdkCallBack
import fr.innomed.core.CaseActions as SdkCaseActions
import fr.innomed.core.CaseHeader as SdkCaseHeader
import fr.innomed.core.CaseMember as SdkCaseMember
import fr.innomed.core.CaseStatus as SdkCaseStatus
import fr.innomed.core.CaseStatusInfo as SdkCaseStatusInfo
import fr.innomed.core.CaseSummary as SdkCaseSummary
import fr.innomed.core.Deadline as SdkDeadline
import fr.innomed.core.InPerson as SdkInPerson
import fr.innomed.core.MemberEntry as SdkMemberEntry
import fr.innomed.core.Membership as SdkMembership
import fr.innomed.core.RequestBrief as SdkRequestBrief
import fr.innomed.core.Sex as SdkSex
import fr.innomed.core.TeleExpertiseRequest as SdkTeleExpertiseRequest
import fr.innomed.core.TrustLevel as SdkTrustLevel
import fr.innomed.core.Unvouched as SdkUnvouched
import fr.innomed.core.UnvouchedMember as SdkUnvouchedMember
import fr.innomed.core.Urgency as SdkUrgency
import fr.innomed.sdk.Specialty as SdkSpecialty

// Records of the bindings ↔ the API's plain data classes. The enums share their names.

internal fun SdkCaseStatus.toApi() = CaseStatus.valueOf(name)

internal fun CaseStatus.toSdk() = SdkCaseStatus.valueOf(name)

internal fun SdkUrgency.toApi() = Urgency.valueOf(name)

internal fun Urgency.toSdk() = SdkUrgency.valueOf(name)

internal fun SdkMembership.toApi() = Membership.valueOf(name)

/** Spelled out rather than by name: a level the core adds fails the build here, not the screen. */
internal fun SdkTrustLevel.toApi(): TrustLevel = when (this) {
    SdkTrustLevel.VERIFIED -> TrustLevel.VERIFIED
    SdkTrustLevel.ATTESTED -> TrustLevel.ATTESTED
    SdkTrustLevel.UNVERIFIED -> TrustLevel.UNVERIFIED
    SdkTrustLevel.CHANGED -> TrustLevel.CHANGED
    SdkTrustLevel.NONE -> TrustLevel.NONE
}

internal fun SdkUnvouchedMember.toApi() = UnvouchedMember(
    userId = UserId(userId),
    reason = when (reason) {
        SdkUnvouched.NOT_INVITED_BY_MEMBER -> Unvouched.NOT_INVITED_BY_MEMBER
        SdkUnvouched.NO_CROSS_SIGNING -> Unvouched.NO_CROSS_SIGNING
        SdkUnvouched.NOT_CONFIRMED -> Unvouched.NOT_CONFIRMED
    },
)

internal fun SdkCaseMember.toApi() = CaseMember(
    userId = UserId(userId),
    membership = membership.toApi(),
    displayName = displayName,
    specialties = specialties,
    inDirectory = inDirectory,
    trust = trust.toApi(),
)

/** The brief carries no patient label: none is sent to the specialists a request is routed to. */
internal fun SdkRequestBrief.toApi() = RequestBrief(
    requester = UserId(requester),
    specialty = specialty,
    urgency = urgency.toApi(),
    dueAtMillis = dueMs?.toLongClamped(),
    ageBand = AgeBand.valueOf(ageBand.name),
    sex = Sex.valueOf(sex.name),
    question = question,
)

internal fun SdkCaseHeader.toApi() = CaseHeader(
    patientLabel = patientLabel,
    ageBand = AgeBand.valueOf(ageBand.name),
    sex = Sex.valueOf(sex.name),
    reason = reason,
    question = question,
    photoConsent = photoConsent,
)

internal fun CaseHeader.toSdk() = SdkCaseHeader(
    patientLabel = patientLabel,
    ageBand = SdkAgeBand.valueOf(ageBand.name),
    sex = SdkSex.valueOf(sex.name),
    reason = reason,
    question = question,
    photoConsent = photoConsent,
)

internal fun SdkAdvice.toApi() = Advice(
    assessment = assessment,
    recommendation = recommendation,
    inPerson = when (inPerson) {
        SdkInPerson.NOT_NEEDED -> InPerson.NOT_NEEDED
        SdkInPerson.ROUTINE -> InPerson.ROUTINE
        SdkInPerson.WITHIN48H -> InPerson.WITHIN_48H
        SdkInPerson.URGENT -> InPerson.URGENT
    },
)

internal fun Advice.toSdk() = SdkAdvice(
    assessment = assessment,
    recommendation = recommendation,
    inPerson = when (inPerson) {
        InPerson.NOT_NEEDED -> SdkInPerson.NOT_NEEDED
        InPerson.ROUTINE -> SdkInPerson.ROUTINE
        InPerson.WITHIN_48H -> SdkInPerson.WITHIN48H
        InPerson.URGENT -> SdkInPerson.URGENT
    },
)

/** [photos]: the request's files, already read. The number to call back goes as typed: the core checks it. */
internal fun TeleExpertiseRequest.toSdk(photos: List<RequestPhoto>) = SdkTeleExpertiseRequest(
    specialty = specialty,
    urgency = urgency.toSdk(),
    header = header.toSdk(),
    patientConsent = patientConsent,
    expert = expert?.value,
    photos = photos,
    callBack = callBack,
)

internal fun SdkCallBack.toApi() = CallBack(phone = phone, display = display)

internal fun SdkSpecialty.toApi() = Specialty(code = code, labelFr = labelFr, labelEn = labelEn)

internal fun SdkMemberEntry.toApi() = MemberEntry(
    userId = UserId(userId),
    displayName = displayName,
    profession = Profession.valueOf(profession.name),
    specialties = specialties,
    rpps = rpps,
    retired = retired,
)

/** The core's decision for one case, as the API carries it. The enums share their names. */
internal fun SdkCaseActions.toApi() = CaseActions(
    role = CaseRole.valueOf(role.name),
    actions = actions.mapTo(LinkedHashSet()) { CaseAction.valueOf(it.name) },
    handover = handover?.let { HandoverWait.valueOf(it.name) },
    deadline = deadline?.toApi(),
)

internal fun SdkDeadline.toApi() = Deadline(state = DeadlineState.valueOf(state.name), dueAtMillis = dueMs.toLongClamped())

internal fun SdkCaseSummary.toApi() = CaseSummary(
    roomId = RoomId(roomId),
    code = code,
    membership = membership.toApi(),
    status = status?.toApi(),
    specialty = specialty,
    urgency = urgency.toApi(),
    dueAtMillis = dueMs?.toLongClamped(),
    deadline = deadline?.toApi(),
    unread = unread.coerceAtMost(Int.MAX_VALUE.toULong()).toInt(),
    // An invitation may not know the case's status yet; a brief comes only with a request.
    isRequest = cpts != null || brief != null,
    inviter = inviter?.let(::UserId),
    brief = brief?.toApi(),
    inviterName = inviterName,
    muted = muted,
    archived = archived,
    askedByMe = askedByMe,
    waitingForMe = waitingForMe,
)

internal fun SdkCaseStatusInfo.toApi() = CaseStatusInfo(
    status = status.toApi(),
    specialty = specialty,
    urgency = urgency.toApi(),
    dueAtMillis = dueMs?.toLongClamped(),
    isRequest = cpts != null,
    acceptedBy = acceptedBy?.let(::UserId),
)

internal fun caseDetails(roomId: String, code: String, membership: SdkMembership, info: SdkCaseStatusInfo?, muted: Boolean) = CaseDetails(
    roomId = RoomId(roomId),
    code = code,
    membership = membership.toApi(),
    statusInfo = info?.toApi(),
    muted = muted,
)
