package fr.innomed.android.api.directory

import fr.innomed.android.api.UserId

/**
 * A partner CPTS, as the doctor's CPTS declared it: a neighbouring territory whose specialists
 * on duty take the requests when nobody is on duty here. [spaceId] is what its coordinator gives
 * (the same identifier professionals use to ask to join it); [coordinator] is the one who
 * coordinates it. [agreed]: it declared the doctor's CPTS too (as last read; false while it
 * cannot be read), and only then do requests go to its specialists.
 */
data class PartnerCpts(val spaceId: String, val name: String, val coordinator: UserId, val agreed: Boolean)
