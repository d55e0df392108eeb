package fr.innomed.android.ui

import androidx.annotation.StringRes
import androidx.compose.runtime.Composable
import androidx.compose.ui.platform.LocalConfiguration
import androidx.compose.ui.res.stringResource
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseAction
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.directory.Weekday
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.search.HitKind
import fr.innomed.android.api.trust.TrustLevel
import fr.innomed.android.ui.R

/** The labels of the API's enums, in one place next to the errors. */
@StringRes
fun CaseStatus.label(): Int = when (this) {
    CaseStatus.OPEN -> R.string.status_open
    CaseStatus.REQUESTED -> R.string.status_requested
    CaseStatus.ACCEPTED -> R.string.status_accepted
    CaseStatus.ANSWERED -> R.string.status_answered
    CaseStatus.CLOSED -> R.string.status_closed
}

/** Where in the case a search result's words were found. */
@StringRes
fun HitKind.label(): Int = when (this) {
    HitKind.CASE -> R.string.hit_case
    HitKind.HEADER -> R.string.hit_header
    HitKind.MESSAGE -> R.string.hit_message
    HitKind.PHOTO -> R.string.hit_photo
    HitKind.DOCUMENT -> R.string.hit_document
    HitKind.ADVICE -> R.string.hit_advice
    HitKind.CLOSURE -> R.string.hit_closure
}

@StringRes
fun Profession.label(): Int = when (this) {
    Profession.PHYSICIAN -> R.string.profession_physician
    Profession.NURSE -> R.string.profession_nurse
    Profession.PHARMACIST -> R.string.profession_pharmacist
    Profession.PHYSIOTHERAPIST -> R.string.profession_physiotherapist
    Profession.MIDWIFE -> R.string.profession_midwife
    Profession.DENTIST -> R.string.profession_dentist
}

@StringRes
fun Weekday.label(): Int = when (this) {
    Weekday.MONDAY -> R.string.weekday_monday
    Weekday.TUESDAY -> R.string.weekday_tuesday
    Weekday.WEDNESDAY -> R.string.weekday_wednesday
    Weekday.THURSDAY -> R.string.weekday_thursday
    Weekday.FRIDAY -> R.string.weekday_friday
    Weekday.SATURDAY -> R.string.weekday_saturday
    Weekday.SUNDAY -> R.string.weekday_sunday
}

@StringRes
fun Urgency.label(): Int = when (this) {
    Urgency.ROUTINE -> R.string.urgency_routine
    Urgency.SOON -> R.string.urgency_soon
    Urgency.URGENT -> R.string.urgency_urgent
}

@StringRes
fun AgeBand.label(): Int = when (this) {
    AgeBand.INFANT -> R.string.age_infant
    AgeBand.CHILD -> R.string.age_child
    AgeBand.ADOLESCENT -> R.string.age_adolescent
    AgeBand.YOUNG_ADULT -> R.string.age_young_adult
    AgeBand.ADULT -> R.string.age_adult
    AgeBand.SENIOR -> R.string.age_senior
    AgeBand.ELDERLY -> R.string.age_elderly
}

@StringRes
fun Sex.label(): Int = when (this) {
    Sex.FEMALE -> R.string.sex_female
    Sex.MALE -> R.string.sex_male
    Sex.OTHER -> R.string.sex_other
    Sex.UNKNOWN -> R.string.sex_unknown
}

@StringRes
fun InPerson.label(): Int = when (this) {
    InPerson.NOT_NEEDED -> R.string.in_person_not_needed
    InPerson.ROUTINE -> R.string.in_person_routine
    InPerson.WITHIN_48H -> R.string.in_person_48h
    InPerson.URGENT -> R.string.in_person_urgent
}

@StringRes
fun CaseAction.label(): Int = when (this) {
    CaseAction.ACCEPT -> R.string.action_accept
    CaseAction.DECLINE -> R.string.action_decline
    CaseAction.TAKE -> R.string.action_take
    CaseAction.ADVISE -> R.string.action_advise
    CaseAction.CLOSE_WITH_REPORT -> R.string.action_close_with_report
    CaseAction.MARK_ANSWERED -> R.string.action_mark_answered
    CaseAction.CLOSE -> R.string.action_close
    CaseAction.WRITE -> R.string.composer_send
    CaseAction.INVITE -> R.string.case_invite
    CaseAction.REMOVE -> R.string.action_remove
    CaseAction.CONFIRM_MEMBER -> R.string.action_confirm_member
}

/** The badge of a deadline the doctor should see (overdue, due soon); none otherwise. */
@StringRes
fun DeadlineState.badge(): Int? = when (this) {
    DeadlineState.OVERDUE -> R.string.cases_overdue
    DeadlineState.DUE_SOON -> R.string.cases_due_soon
    DeadlineState.ON_TIME, DeadlineState.DONE -> null
}

/** The API carries both labels of a specialty; the screen's language picks one. */
@Composable
fun Specialty.label(): String =
    if (LocalConfiguration.current.locales[0].language == "en") labelEn else labelFr

@Composable
fun specialtyLabel(code: String?, specialties: List<Specialty>): String? =
    code?.let { c -> specialties.firstOrNull { it.code == c }?.label() ?: c }

/** "Patient : Adulte, Femme": the age band and sex of the brief, never a name or label. */
@Composable
fun briefPatient(brief: RequestBrief): String =
    stringResource(R.string.brief_patient, stringResource(brief.ageBand.label()), stringResource(brief.sex.label()))

/** What a trust shield says, read aloud and, for a changed identity, written beside it. */
@StringRes
fun TrustLevel.label(): Int = when (this) {
    TrustLevel.VERIFIED -> R.string.trust_verified
    TrustLevel.ATTESTED -> R.string.trust_attested
    TrustLevel.UNVERIFIED -> R.string.trust_unverified
    TrustLevel.CHANGED -> R.string.trust_changed
    TrustLevel.NONE -> R.string.trust_none
}
