package fr.innomed.android.api.trust

/**
 * How far this doctor can trust a person's identity, as the core decides it: the shield beside
 * a case member's name and beside the sender of a message.
 */
enum class TrustLevel {
    /** Verified by this doctor (emojis compared), or the doctor themself. */
    VERIFIED,

    /**
     * Vouched for by the coordinator of a CPTS this doctor belongs to (and whom this doctor
     * verified), with the identity the coordinator attested: verified on the CPTS's word.
     */
    ATTESTED,

    /** The identity first seen for this colleague, not verified by this doctor. */
    UNVERIFIED,

    /**
     * A colleague this doctor verified now shows another identity: what is sent to them waits
     * until the doctor acknowledges it.
     */
    CHANGED,

    /**
     * No identity to trust: no cross-signing (a foreign or old client), a device its owner did
     * not sign, or, for a message, one that came in clear or could not be decrypted.
     */
    NONE,
}
