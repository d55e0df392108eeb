package fr.innomed.android.test

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

class FakeJoinRequestService : JoinRequestService {
    data class Approval(val userId: UserId, val specialties: List<String>, val retired: Boolean)

    val creations = Calls<String>()
    val asks = Calls<String>()
    val accepts = Calls<String>()
    val approvals = Calls<Approval>()
    val refusals = Calls<UserId>()
    var listings = 0
        private set
    var invitationListings = 0
        private set

    var createResult: suspend (String) -> Outcome<CptsInfo, JoinRequestError> = { notScripted("createCpts") }
    var askResult: suspend (String) -> Outcome<Unit, JoinRequestError> = { notScripted("askToJoin") }
    var ownResult: suspend () -> Outcome<OwnCpts, JoinRequestError> = { notScripted("ownCpts") }
    var invitationsResult: suspend () -> Outcome<List<CptsInfo>, JoinRequestError> = { notScripted("invitations") }
    var acceptResult: suspend (String) -> Outcome<CptsInfo, JoinRequestError> = { notScripted("accept") }
    var requestsResult: suspend () -> Outcome<List<JoinRequest>, JoinRequestError> = { notScripted("joinRequests") }
    var approveResult: suspend (Approval) -> Outcome<MemberEntry, JoinRequestError> = { notScripted("approve") }
    var refuseResult: suspend (UserId) -> Outcome<Unit, JoinRequestError> = { notScripted("refuse") }

    override suspend fun createCpts(name: String) = createResult(name).also { creations.add(name) }

    override suspend fun askToJoin(spaceId: String) = askResult(spaceId).also { asks.add(spaceId) }

    override suspend fun ownCpts() = ownResult()

    override suspend fun invitations() = invitationsResult().also { invitationListings++ }

    override suspend fun accept(spaceId: String) = acceptResult(spaceId).also { accepts.add(spaceId) }

    override suspend fun joinRequests() = requestsResult().also { listings++ }

    override suspend fun approve(userId: UserId, specialties: List<String>, retired: Boolean): Outcome<MemberEntry, JoinRequestError> {
        val call = Approval(userId, specialties, retired)
        return approveResult(call).also { approvals.add(call) }
    }

    override suspend fun refuse(userId: UserId) = refuseResult(userId).also { refusals.add(userId) }
}

/** A physician's Pro Santé Connect identity (RPPS in the national id). */
fun pscPhysician(givenName: String, familyName: String, rpps: String = "10001234567") = PscIdentity(
    nationalId = "8$rpps",
    givenName = givenName,
    familyName = familyName,
    profession = Profession.PHYSICIAN,
    professionCode = "10",
    specialtyCode = null,
)
