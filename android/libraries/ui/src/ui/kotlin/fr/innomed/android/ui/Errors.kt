package fr.innomed.android.ui

import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import fr.innomed.android.api.cases.CaseError
import fr.innomed.android.api.cases.HeaderProblem
import fr.innomed.android.api.conversation.ConversationError
import fr.innomed.android.api.conversation.PhotoError
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.directory.AvailabilityProblem
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.EntryProblem
import fr.innomed.android.api.directory.SlotProblem
import fr.innomed.android.api.requests.RequestError
import fr.innomed.android.api.requests.RequestProblem
import fr.innomed.android.api.search.SearchError
import fr.innomed.android.api.session.SignInError
import fr.innomed.android.api.trust.TrustError
import fr.innomed.android.ui.R

/**
 * Every error kind of the API, mapped to its string in one place (a screen's own kinds, such as
 * the case screen's, are mapped beside its view). [code] is the
 * string's one argument: the core's stable error code (for support), a field name or a limit,
 * never a message body.
 */
data class ErrorText(@param:StringRes val id: Int, val code: String? = null)

@Composable
fun errorMessage(text: ErrorText): String =
    if (text.code != null) stringResource(text.id, text.code) else stringResource(text.id)

fun SignInError.text(): ErrorText = when (this) {
    SignInError.WrongCredentials -> ErrorText(R.string.error_wrong_credentials)
    SignInError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    SignInError.InvalidUserId -> ErrorText(R.string.error_invalid_user_id)
    SignInError.InvalidHomeserverUrl -> ErrorText(R.string.error_invalid_homeserver)
    SignInError.ProSanteConnectUnavailable -> ErrorText(R.string.error_psc_unavailable)
    SignInError.SignInRefused -> ErrorText(R.string.error_psc_refused)
    is SignInError.Other -> ErrorText(R.string.error_other, code)
}

fun CaseError.text(): ErrorText = when (this) {
    CaseError.NotFound -> ErrorText(R.string.error_case_not_found)
    CaseError.NotInvited -> ErrorText(R.string.error_case_not_invited)
    CaseError.NotAllowed -> ErrorText(R.string.error_not_allowed)
    CaseError.CaseClosed -> ErrorText(R.string.error_case_closed)
    CaseError.InvalidUserId -> ErrorText(R.string.error_invalid_user_id)
    CaseError.UnknownUser -> ErrorText(R.string.error_unknown_user)
    CaseError.NotCrossSigned -> ErrorText(R.string.error_not_cross_signed)
    is CaseError.InvalidHeader -> problem.text()
    CaseError.UnknownSpecialty -> ErrorText(R.string.error_case_unknown_specialty)
    CaseError.RemovalNotConfirmed -> ErrorText(R.string.error_removal_not_confirmed)
    CaseError.NotHandedOver -> ErrorText(R.string.error_not_handed_over)
    CaseError.UninvitedMember -> ErrorText(R.string.error_uninvited_member)
    CaseError.UnconfirmedMember -> ErrorText(R.string.error_unconfirmed_member)
    CaseError.NotClosed -> ErrorText(R.string.error_not_closed)
    CaseError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is CaseError.Other -> ErrorText(R.string.error_other, code)
}

/** Nothing to search for is a hint under the field ("Tapez un mot du dossier."), the others said as errors. */
fun SearchError.text(): ErrorText = when (this) {
    SearchError.NothingToSearch -> ErrorText(R.string.cases_search_hint)
    SearchError.QueryTooLong -> ErrorText(R.string.error_search_too_long)
    SearchError.WrongKey -> ErrorText(R.string.error_search_rebuilding)
    SearchError.Store -> ErrorText(R.string.error_search_unavailable)
    is SearchError.Other -> ErrorText(R.string.error_other, code)
}

fun ConversationError.text(): ErrorText = when (this) {
    ConversationError.EmptyMessage -> ErrorText(R.string.error_empty_message)
    ConversationError.NotJoined -> ErrorText(R.string.error_not_joined)
    ConversationError.MessageNotFound -> ErrorText(R.string.error_message_not_found)
    ConversationError.NotHandedOver -> ErrorText(R.string.error_not_handed_over)
    ConversationError.UninvitedMember -> ErrorText(R.string.error_uninvited_member)
    ConversationError.UnconfirmedMember -> ErrorText(R.string.error_unconfirmed_member)
    ConversationError.TooLarge -> ErrorText(R.string.error_message_too_large)
    ConversationError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is ConversationError.Other -> ErrorText(R.string.error_other, code)
}

/**
 * A photo's or a document's refusal. Sizes are shown in megabytes (of 1024 × 1024 bytes, as the
 * core counts its limits: 30 and 40), the pixel limit as the refused image's dimensions, a
 * document's page limit as the core gives it.
 */
fun PhotoError.text(): ErrorText = when (this) {
    is PhotoError.TooLarge -> ErrorText(R.string.error_photo_too_large, (limitBytes / MEGABYTE).toString())
    PhotoError.UnsupportedFormat -> ErrorText(R.string.error_photo_unsupported)
    is PhotoError.TooManyPixels -> ErrorText(R.string.error_photo_too_many_pixels, "$width × $height")
    PhotoError.Corrupt -> ErrorText(R.string.error_file_corrupt)
    PhotoError.EncryptedDocument -> ErrorText(R.string.error_document_encrypted)
    is PhotoError.TooManyPages -> ErrorText(R.string.error_document_too_many_pages, limitPages.toString())
    is PhotoError.TooManyObjects -> ErrorText(R.string.error_document_too_complex)
    PhotoError.NotADocument -> ErrorText(R.string.error_document_not_a_document)
    PhotoError.Unreadable -> ErrorText(R.string.error_photo_unreadable)
    PhotoError.NoConsent -> ErrorText(R.string.error_photo_no_consent)
    PhotoError.NotJoined -> ErrorText(R.string.error_not_joined)
    PhotoError.NotEncrypted -> ErrorText(R.string.error_photo_not_encrypted)
    PhotoError.NotHandedOver -> ErrorText(R.string.error_not_handed_over)
    PhotoError.UninvitedMember -> ErrorText(R.string.error_uninvited_member)
    PhotoError.UnconfirmedMember -> ErrorText(R.string.error_unconfirmed_member)
    PhotoError.MessageNotFound -> ErrorText(R.string.error_message_not_found)
    PhotoError.NotAPhoto -> ErrorText(R.string.error_photo_not_a_photo)
    PhotoError.Tampered -> ErrorText(R.string.error_photo_tampered)
    PhotoError.MediaMissing -> ErrorText(R.string.error_photo_media_missing)
    PhotoError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is PhotoError.Other -> ErrorText(R.string.error_other, code)
}

/** Why a received photo is not drawn; null while it is drawn or on its way. */
fun DecodedImage.text(): ErrorText? = when (this) {
    DecodedImage.TooLarge -> ErrorText(R.string.photo_too_large_to_show)
    DecodedImage.Unreadable -> ErrorText(R.string.error_photo_corrupt)
    DecodedImage.Decoding, is DecodedImage.Shown -> null
}

fun RequestError.text(): ErrorText = when (this) {
    is RequestError.NoOneOnDuty -> ErrorText(R.string.error_no_one_on_duty)
    RequestError.NoCpts -> ErrorText(R.string.error_no_cpts)
    RequestError.ConsentMissing -> ErrorText(R.string.error_consent_missing)
    RequestError.PhotoRefused -> ErrorText(R.string.error_request_photo_refused)
    RequestError.PhotoConsentMissing -> ErrorText(R.string.error_photo_no_consent)
    is RequestError.UnknownSpecialty -> ErrorText(R.string.error_unknown_specialty, code)
    is RequestError.InvalidRequest -> problem.text()
    RequestError.ExpertNotEligible -> ErrorText(R.string.error_expert_not_eligible)
    RequestError.AlreadyTaken -> ErrorText(R.string.error_already_taken)
    RequestError.NotAllowed -> ErrorText(R.string.error_not_allowed)
    RequestError.WrongStatus -> ErrorText(R.string.error_wrong_status)
    RequestError.NoAdvice -> ErrorText(R.string.error_no_advice)
    RequestError.NotARequest -> ErrorText(R.string.error_not_a_request)
    is RequestError.InvalidHeader -> problem.text()
    RequestError.NotInDirectory -> ErrorText(R.string.error_care_team_not_in_directory)
    RequestError.NotCrossSigned -> ErrorText(R.string.error_not_cross_signed)
    RequestError.NotHandedOver -> ErrorText(R.string.error_not_handed_over)
    RequestError.UninvitedMember -> ErrorText(R.string.error_uninvited_member)
    RequestError.UnconfirmedMember -> ErrorText(R.string.error_unconfirmed_member)
    RequestError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is RequestError.Other -> ErrorText(R.string.error_other, code)
}

fun DirectoryError.text(): ErrorText = when (this) {
    DirectoryError.NoCpts -> ErrorText(R.string.error_no_cpts)
    is DirectoryError.UnknownSpecialty -> ErrorText(R.string.error_unknown_specialty, code)
    DirectoryError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    DirectoryError.NotAllowed -> ErrorText(R.string.error_rota_coordinator_only)
    DirectoryError.NotInDirectory -> ErrorText(R.string.error_not_in_directory)
    DirectoryError.OutsideNetwork -> ErrorText(R.string.error_outside_network)
    DirectoryError.NotAPartner -> ErrorText(R.string.error_not_a_partner)
    DirectoryError.PartnerNotAgreed -> ErrorText(R.string.error_partner_not_agreed)
    DirectoryError.InvalidUserId -> ErrorText(R.string.error_invalid_user_id)
    is DirectoryError.InvalidSlot -> ErrorText(
        when (problem) {
            SlotProblem.NOT_MEMBER_SPECIALTY -> R.string.error_slot_not_member_specialty
            SlotProblem.OUTSIDE_DAY -> R.string.error_slot_outside_day
        },
    )
    is DirectoryError.InvalidEntry -> ErrorText(
        when (problem) {
            EntryProblem.NO_MEMBER_NAME -> R.string.error_member_no_name
            EntryProblem.NO_SPECIALTY -> R.string.error_member_no_specialty
        },
    )
    is DirectoryError.InvalidAvailability -> problem.text()
    is DirectoryError.Other -> ErrorText(R.string.error_other, code)
}

/**
 * On the member's own availability screen, the kinds that mean something else there: their own
 * entry, their own specialties and hours, and a CPTS's space that does not take members'
 * declarations yet (made before them, until the coordinator's next change to the rota).
 */
fun DirectoryError.availabilityText(): ErrorText = when (this) {
    DirectoryError.NotAllowed -> ErrorText(R.string.error_availability_not_open)
    DirectoryError.NotInDirectory -> ErrorText(R.string.error_availability_not_in_directory)
    is DirectoryError.InvalidSlot -> ErrorText(
        when (problem) {
            SlotProblem.NOT_MEMBER_SPECIALTY -> R.string.error_permanence_not_your_specialty
            SlotProblem.OUTSIDE_DAY -> R.string.error_permanence_outside_day
        },
    )
    else -> text()
}

/**
 * On the partner CPTS screen, the kinds that mean something else there: only the coordinator
 * declares or withdraws a partner; the partner's coordinator is on a server outside the network.
 */
fun DirectoryError.partnerText(): ErrorText = when (this) {
    DirectoryError.NotAllowed -> ErrorText(R.string.error_partners_coordinator_only)
    DirectoryError.OutsideNetwork -> ErrorText(R.string.error_partner_outside_network)
    else -> text()
}

/** A declaration refused as naming no partner: the identifier typed is the doctor's own CPTS's, or names none. */
fun DirectoryError.declarePartnerText(): ErrorText =
    if (this == DirectoryError.NotAPartner) ErrorText(R.string.error_partner_not_other_cpts) else partnerText()

fun AvailabilityProblem.text(): ErrorText = ErrorText(
    when (this) {
        AvailabilityProblem.BAD_DATE -> R.string.error_availability_bad_date
        AvailabilityProblem.ENDS_BEFORE_START -> R.string.error_availability_ends_before_start
        AvailabilityProblem.IN_THE_PAST -> R.string.error_availability_in_the_past
        AvailabilityProblem.TOO_FAR_AHEAD -> R.string.error_availability_too_far_ahead
        AvailabilityProblem.OVERLAPPING -> R.string.error_availability_overlapping
        AvailabilityProblem.TOO_MANY -> R.string.error_availability_too_many
        AvailabilityProblem.NO_SUCH_ENTRY -> R.string.error_availability_no_such_entry
    },
)

fun JoinRequestError.text(): ErrorText = when (this) {
    JoinRequestError.NoCpts -> ErrorText(R.string.error_no_cpts)
    JoinRequestError.CptsNotFound -> ErrorText(R.string.error_cpts_not_found)
    JoinRequestError.NotAllowed -> ErrorText(R.string.error_not_allowed)
    JoinRequestError.NoVerifiedIdentity -> ErrorText(R.string.error_no_verified_identity)
    JoinRequestError.OutsideNetwork -> ErrorText(R.string.error_outside_network)
    is JoinRequestError.UnknownSpecialty -> ErrorText(R.string.error_unknown_specialty, code)
    JoinRequestError.NoCptsName -> ErrorText(R.string.error_cpts_no_name)
    JoinRequestError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is JoinRequestError.Other -> ErrorText(R.string.error_other, code)
}

fun TrustError.text(): ErrorText = when (this) {
    TrustError.WrongRecoveryKey -> ErrorText(R.string.error_wrong_recovery_key)
    TrustError.RecoveryNotSetUp -> ErrorText(R.string.error_recovery_not_set_up)
    TrustError.RecoveryAlreadyEnabled -> ErrorText(R.string.error_recovery_already_enabled)
    TrustError.UnknownDevice -> ErrorText(R.string.error_unknown_device)
    TrustError.VerificationNotReady -> ErrorText(R.string.error_verification_not_ready)
    TrustError.HomeserverUnreachable -> ErrorText(R.string.error_homeserver_unreachable)
    is TrustError.Other -> ErrorText(R.string.error_other, code)
}

fun HeaderProblem.text(): ErrorText = when (this) {
    HeaderProblem.NO_PATIENT_LABEL -> ErrorText(R.string.error_header_no_patient_label)
    HeaderProblem.NO_QUESTION -> ErrorText(R.string.error_header_no_question)
    HeaderProblem.PATIENT_LABEL_TOO_LONG -> ErrorText(R.string.error_header_label_too_long)
    HeaderProblem.TEXT_TOO_LONG -> ErrorText(R.string.error_header_text_too_long)
}

fun RequestProblem.text(): ErrorText = when (this) {
    RequestProblem.NO_PATIENT_CONSENT -> ErrorText(R.string.error_consent_missing)
    RequestProblem.EXPERT_IS_SELF -> ErrorText(R.string.error_request_expert_is_self)
    RequestProblem.INCOMPLETE_ADVICE -> ErrorText(R.string.error_advice_incomplete)
    RequestProblem.ADVICE_TOO_LONG -> ErrorText(R.string.error_advice_too_long)
    RequestProblem.NO_CARE_TEAM_MEMBERS -> ErrorText(R.string.error_care_team_no_members)
    RequestProblem.NO_MEMBER_NAME -> ErrorText(R.string.error_member_no_name)
    RequestProblem.NO_SPECIALTY -> ErrorText(R.string.error_member_no_specialty)
    RequestProblem.NO_CPTS_NAME -> ErrorText(R.string.error_cpts_no_name)
    RequestProblem.ROUTING_WINDOW -> ErrorText(R.string.error_routing_window)
    RequestProblem.INVALID_PHONE -> ErrorText(R.string.error_invalid_phone)
}

/** On the routing windows' screen: only the coordinator changes them. */
fun RequestError.routingText(): ErrorText =
    if (this == RequestError.NotAllowed) ErrorText(R.string.error_routing_coordinator_only) else text()
