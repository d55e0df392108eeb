package fr.innomed.android.impl

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
import fr.innomed.sdk.Cpts
import fr.innomed.sdk.specialties as sdkSpecialties

class RustDirectoryService internal constructor(private val cpts: CptsLocator) : DirectoryService {
    private val specialties: List<Specialty> by lazy { sdkSpecialties().map { it.toApi() } }

    override fun specialties(): List<Specialty> = specialties

    override suspend fun search(specialty: String?, name: String?): Outcome<List<MemberEntry>, DirectoryError> =
        withCpts { it.search(specialty, name?.takeIf(String::isNotBlank)).map { m -> m.toApi() } }

    override suspend fun onDutyNow(specialty: String): Outcome<List<MemberEntry>, DirectoryError> =
        withCpts { it.onDutyNow(specialty).map { m -> m.toApi() } }

    override suspend fun rota(): Outcome<Rota, DirectoryError> =
        withCpts { cpts ->
            Rota(
                isCoordinator = cpts.isCoordinator(),
                members = cpts.search(null, null).map { it.toApi() },
                slots = cpts.rota().associate { duty -> UserId(duty.userId) to duty.slots.map { it.toApi() } },
                availability = cpts.availabilities().byMember(),
            )
        }

    override suspend fun setDuty(userId: UserId, slots: List<DutySlot>): Outcome<Unit, DirectoryError> =
        withCpts { it.setDuty(userId.value, slots.map { slot -> slot.toSdk() }) }

    override suspend fun isCoordinator(): Outcome<Boolean, DirectoryError> = withCpts { it.isCoordinator() }

    override suspend fun editMember(userId: UserId, edit: EntryEdit): Outcome<MemberEntry, DirectoryError> =
        withCpts { it.editMember(userId.value, edit.toSdk()).toApi() }

    override suspend fun myAvailability(): Outcome<Availability, DirectoryError> = withCpts { it.myAvailability().toApi() }

    override suspend fun addAbsence(absence: Absence): Outcome<Availability, DirectoryError> =
        withCpts { it.addAbsence(absence.toSdk()).toApi() }

    override suspend fun addPermanence(permanence: Permanence): Outcome<Availability, DirectoryError> =
        withCpts { it.addPermanence(permanence.toSdk()).toApi() }

    override suspend fun removeAbsence(absence: Absence): Outcome<Availability, DirectoryError> =
        withCpts { it.removeAbsence(absence.toSdk()).toApi() }

    override suspend fun removePermanence(permanence: Permanence): Outcome<Availability, DirectoryError> =
        withCpts { it.removePermanence(permanence.toSdk()).toApi() }

    override suspend fun partners(): Outcome<List<PartnerCpts>, DirectoryError> = withCpts { it.partners().map { p -> p.toApi() } }

    override suspend fun declarePartner(spaceId: String, coordinator: UserId): Outcome<PartnerCpts, DirectoryError> =
        withCpts { it.declarePartner(spaceId, coordinator.value).toApi() }

    override suspend fun withdrawPartner(spaceId: String): Outcome<Unit, DirectoryError> = withCpts { it.withdrawPartner(spaceId) }

    private inline fun <T> withCpts(block: (Cpts) -> T): Outcome<T, DirectoryError> {
        val found = attempt(::directoryError) { cpts.joined() }
        return when (found) {
            is Outcome.Failure -> found
            is Outcome.Success -> {
                val space = found.value ?: return Outcome.Failure(DirectoryError.NoCpts)
                attempt(::directoryError) { block(space) }
            }
        }
    }
}
