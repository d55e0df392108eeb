package fr.innomed.android.test

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.directory.DirectoryError
import fr.innomed.android.api.directory.DirectoryService
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.EntryEdit
import fr.innomed.android.api.directory.MemberEntry
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

    override fun specialties() = specialtyList

    override suspend fun isCoordinator() = coordinatorResult()

    override suspend fun editMember(userId: UserId, edit: EntryEdit) = editResult(userId, edit).also { edits.add(userId to edit) }

    override suspend fun rota() = rotaResult()

    override suspend fun setDuty(userId: UserId, slots: List<DutySlot>) =
        setDutyResult(userId, slots).also { duties.add(userId to slots) }

    override suspend fun search(specialty: String?, name: String?) =
        searchResult(specialty, name).also { searches.add(specialty to name) }

    override suspend fun onDutyNow(specialty: String) = onDutyResult(specialty).also { dutyQueries.add(specialty) }
}
