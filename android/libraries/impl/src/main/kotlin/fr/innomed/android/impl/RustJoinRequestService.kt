package fr.innomed.android.impl

import fr.innomed.android.api.Outcome
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.api.cpts.JoinRequest
import fr.innomed.android.api.cpts.JoinRequestError
import fr.innomed.android.api.cpts.JoinRequestService
import fr.innomed.android.api.cpts.OwnCpts
import fr.innomed.android.api.cpts.PscIdentity
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Profession
import fr.innomed.sdk.Client
import fr.innomed.sdk.Cpts
import fr.innomed.core.JoinRequest as SdkJoinRequest
import fr.innomed.core.PscIdentity as SdkPscIdentity

/**
 * Creating a CPTS, asking to join one and accepting its invitation (the client's), and the
 * coordinator's answers (the doctor's CPTS's). Every `Cpts` the bindings hand out is closed here
 * unless [CptsLocator] keeps it as the doctor's.
 */
class RustJoinRequestService internal constructor(
    private val client: Client,
    private val cpts: CptsLocator,
) : JoinRequestService {
    /** The new CPTS becomes the doctor's at once: the client may not list it as a space before its next sync. */
    override suspend fun createCpts(name: String): Outcome<CptsInfo, JoinRequestError> =
        attempt(::joinRequestError) {
            val created = client.createCpts(name)
            val info = CptsInfo(spaceId = created.spaceId(), name = created.name().ifEmpty { name.trim() })
            cpts.adopt(created)
            info
        }

    override suspend fun askToJoin(spaceId: String): Outcome<Unit, JoinRequestError> =
        attempt(::joinRequestError) { client.askToJoinCpts(spaceId) }

    override suspend fun ownCpts(): Outcome<OwnCpts, JoinRequestError> =
        withCpts { OwnCpts(it.toInfo(), coordinator = it.isCoordinator()) }

    override suspend fun invitations(): Outcome<List<CptsInfo>, JoinRequestError> =
        attempt(::joinRequestError) {
            val spaces = client.cptsSpaces()
            try {
                spaces.filterNot { it.isJoined() }.map { it.toInfo() }
            } finally {
                spaces.forEach { it.close() }
            }
        }

    /** Joined, the CPTS becomes the doctor's at once, as a created one does (the next sync may not have come). */
    override suspend fun accept(spaceId: String): Outcome<CptsInfo, JoinRequestError> =
        attempt(::joinRequestError) {
            val space = client.cpts(spaceId)
            val info = try {
                space.join()
                space.toInfo()
            } catch (e: Throwable) {
                space.close()
                throw e
            }
            cpts.adopt(space)
            info
        }

    override suspend fun joinRequests(): Outcome<List<JoinRequest>, JoinRequestError> =
        withCpts { space -> space.joinRequests().map { it.toApi() } }

    override suspend fun approve(
        userId: UserId,
        specialties: List<String>,
        retired: Boolean,
    ): Outcome<MemberEntry, JoinRequestError> =
        withCpts { it.approve(userId.value, specialties, retired).toApi() }

    override suspend fun refuse(userId: UserId): Outcome<Unit, JoinRequestError> =
        withCpts { it.refuse(userId.value) }

    private inline fun <T> withCpts(block: (Cpts) -> T): Outcome<T, JoinRequestError> =
        when (val found = attempt(::joinRequestError) { cpts.joined() }) {
            is Outcome.Failure -> found
            is Outcome.Success -> {
                val space = found.value ?: return Outcome.Failure(JoinRequestError.NoCpts)
                attempt(::joinRequestError) { block(space) }
            }
        }
}

/** An invited CPTS may not have its name yet: its id stands for it (the one its coordinator gave). */
internal fun Cpts.toInfo() = spaceId().let { id -> CptsInfo(spaceId = id, name = name().ifEmpty { id }) }

internal fun SdkJoinRequest.toApi() = JoinRequest(userId = UserId(userId), identity = identity?.toApi())

internal fun SdkPscIdentity.toApi() = PscIdentity(
    nationalId = nationalId,
    givenName = givenName,
    familyName = familyName,
    profession = profession?.let { Profession.valueOf(it.name) },
    professionCode = professionCode,
    specialtyCode = specialtyCode,
)
