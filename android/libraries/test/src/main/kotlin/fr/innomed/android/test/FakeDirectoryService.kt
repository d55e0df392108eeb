package fr.innomed.android.test

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.PartnerCpts
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.Rota
import fr.innomed.android.api.directory.Specialty

/** A few specialties of the fixed list, enough for screens under test. */
val testSpecialties = listOf(
    Specialty("cardiology", "Cardiologie", "Cardiology"),
    Specialty("dermatology", "Dermatologie et vénéréologie", "Dermatology"),
    Specialty("general_practice", "Médecine générale", "General practice"),
)

class FakeDirectoryService(var specialtyList: List<Specialty> = testSpecialties) : DirectoryService {
    val searches = Calls<Pair<String?, String?>>()
    val dutyQueries = Calls<String>()

    var searchResult: suspend (String?, String?) -> Outcome<List<MemberEntry>, DirectoryError> =
        { _, _ -> notScripted("search") }
    var onDutyResult: suspend (String) -> Outcome<List<MemberEntry>, DirectoryError> = { notScripted("onDutyNow") }

    val duties = Calls<Pair<UserId, List<DutySlot>>>()
    var rotaResult: suspend () -> Outcome<Rota, DirectoryError> = { notScripted("rota") }
    var setDutyResult: suspend (UserId, List<DutySlot>) -> Outcome<Unit, DirectoryError> = { _, _ -> notScripted("setDuty") }

    val edits = Calls<Pair<UserId, EntryEdit>>()
    var coordinatorResult: suspend () -> Outcome<Boolean, DirectoryError> = { notScripted("isCoordinator") }
    var editResult: suspend (UserId, EntryEdit) -> Outcome<MemberEntry, DirectoryError> = { _, _ -> notScripted("editMember") }

    /** The member's own availability: each call's argument, in order, and its scripted answer. */
    val absencesAdded = Calls<Absence>()
    val permanencesAdded = Calls<Permanence>()
    val absencesRemoved = Calls<Absence>()
    val permanencesRemoved = Calls<Permanence>()
    var myAvailabilityResult: suspend () -> Outcome<Availability, DirectoryError> = { notScripted("myAvailability") }
    var addAbsenceResult: suspend (Absence) -> Outcome<Availability, DirectoryError> = { notScripted("addAbsence") }
    var addPermanenceResult: suspend (Permanence) -> Outcome<Availability, DirectoryError> = { notScripted("addPermanence") }
    var removeAbsenceResult: suspend (Absence) -> Outcome<Availability, DirectoryError> = { notScripted("removeAbsence") }
    var removePermanenceResult: suspend (Permanence) -> Outcome<Availability, DirectoryError> = { notScripted("removePermanence") }

    /** Partner CPTS: each declaration (space, coordinator) and withdrawal (space), in order, and its scripted answer. */
    val partnersDeclared = Calls<Pair<String, UserId>>()
    val partnersWithdrawn = Calls<String>()
    var partnersResult: suspend () -> Outcome<List<PartnerCpts>, DirectoryError> = { notScripted("partners") }
    var declarePartnerResult: suspend (String, UserId) -> Outcome<PartnerCpts, DirectoryError> = { _, _ -> notScripted("declarePartner") }
    var withdrawPartnerResult: suspend (String) -> Outcome<Unit, DirectoryError> = { notScripted("withdrawPartner") }

    override fun specialties() = specialtyList

    override suspend fun partners() = partnersResult()

    override suspend fun declarePartner(spaceId: String, coordinator: UserId) =
        declarePartnerResult(spaceId, coordinator).also { partnersDeclared.add(spaceId to coordinator) }

    override suspend fun withdrawPartner(spaceId: String) = withdrawPartnerResult(spaceId).also { partnersWithdrawn.add(spaceId) }

    override suspend fun myAvailability() = myAvailabilityResult()

    override suspend fun addAbsence(absence: Absence) = addAbsenceResult(absence).also { absencesAdded.add(absence) }

    override suspend fun addPermanence(permanence: Permanence) = addPermanenceResult(permanence).also { permanencesAdded.add(permanence) }

    override suspend fun removeAbsence(absence: Absence) = removeAbsenceResult(absence).also { absencesRemoved.add(absence) }

    override suspend fun removePermanence(permanence: Permanence) =
        removePermanenceResult(permanence).also { permanencesRemoved.add(permanence) }

    override suspend fun isCoordinator() = coordinatorResult()

    override suspend fun editMember(userId: UserId, edit: EntryEdit) = editResult(userId, edit).also { edits.add(userId to edit) }

    override suspend fun rota() = rotaResult()

    override suspend fun setDuty(userId: UserId, slots: List<DutySlot>) =
        setDutyResult(userId, slots).also { duties.add(userId to slots) }

    override suspend fun search(specialty: String?, name: String?) =
        searchResult(specialty, name).also { searches.add(specialty to name) }

    override suspend fun onDutyNow(specialty: String) = onDutyResult(specialty).also { dutyQueries.add(specialty) }
}
