package fr.innomed.android.uicheck

import fr.innomed.android.api.EventId
import fr.innomed.android.api.RoomId
import fr.innomed.android.api.UserId
import fr.innomed.android.api.cases.AgeBand
import fr.innomed.android.api.cases.CaseDetails
import fr.innomed.android.api.cases.CaseHeader
import fr.innomed.android.api.cases.CaseMember
import fr.innomed.android.api.cases.CaseStatus
import fr.innomed.android.api.cases.CaseStatusInfo
import fr.innomed.android.api.cases.CaseSummary
import fr.innomed.android.api.cases.Deadline
import fr.innomed.android.api.cases.DeadlineState
import fr.innomed.android.api.cases.Membership
import fr.innomed.android.api.cases.RequestBrief
import fr.innomed.android.api.cases.Sex
import fr.innomed.android.api.cases.Urgency
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ConversationItem
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.MessageKind
import fr.innomed.android.api.conversation.PhotoMessage
import fr.innomed.android.api.conversation.SendState
import fr.innomed.android.api.cpts.CptsInfo
import fr.innomed.android.api.cpts.PscIdentity
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Availability
import fr.innomed.android.api.directory.DutySlot
import fr.innomed.android.api.directory.MemberEntry
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.api.directory.Rota
import fr.innomed.android.api.directory.Weekday
import fr.innomed.android.api.trust.SasEmoji
import fr.innomed.android.api.directory.Profession
import fr.innomed.android.api.directory.Specialty
import fr.innomed.android.api.requests.Advice
import fr.innomed.android.api.requests.InPerson
import fr.innomed.android.api.search.HitKind
import fr.innomed.android.api.search.SearchHit
import fr.innomed.android.api.search.SnippetPart
import fr.innomed.android.api.trust.TrustLevel
import org.jetbrains.skia.Color
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Paint
import org.jetbrains.skia.Rect
import org.jetbrains.skia.Surface

/**
 * A CPTS's day, as the screens are drawn with it: Dr Martin (GP) asks Dr Benali (dermatologist
 * on duty) about a pigmented lesion; the CPTS du Val d'Essai. Patients are initials only, as in
 * the app. Times: Monday 23 November 2026, Paris.
 */
object ClinicalData {
    val GP = UserId("@u7k2m4q9x:cpts-val-essai.fr")
    val DERM = UserId("@p3n8c1v5z:cpts-val-essai.fr")
    val CARDIO = UserId("@r6d2f8h1w:cpts-val-essai.fr")
    val NURSE = UserId("@t9b4s7k3e:cpts-val-essai.fr")

    /** 23 Nov 2026, 14:05 in Paris. */
    const val MONDAY_AFTERNOON = 1_795_439_100_000L
    private const val HOUR = 3_600_000L

    /** A request's due time: 48 hours after it was opened. */
    const val DUE = MONDAY_AFTERNOON + 48 * HOUR

    val specialties = listOf(
        Specialty("cardiology", "Cardiologie", "Cardiology"),
        Specialty("dermatology", "Dermatologie et vénéréologie", "Dermatology"),
        Specialty("endocrinology", "Endocrinologie", "Endocrinology"),
        Specialty("general_practice", "Médecine générale", "General practice"),
        Specialty("pneumology", "Pneumologie", "Pulmonology"),
    )

    val lesionHeader = CaseHeader(
        patientLabel = "M.D.",
        ageBand = AgeBand.ADULT,
        sex = Sex.FEMALE,
        reason = "Lésion pigmentée du dos, apparue il y a 6 mois, bords irréguliers",
        question = "Exérèse à programmer ou surveillance ?",
        photoConsent = true,
    )

    val advice = Advice(
        assessment = "Lésion asymétrique, polychrome, diamètre > 6 mm : suspecte.",
        recommendation = "Exérèse complète avec marges de 2 mm, analyse anatomopathologique.",
        inPerson = InPerson.WITHIN_48H,
    )

    val brief = RequestBrief(
        requester = GP,
        specialty = "dermatology",
        urgency = Urgency.SOON,
        dueAtMillis = MONDAY_AFTERNOON + 48 * HOUR,
        ageBand = AgeBand.ADULT,
        sex = Sex.FEMALE,
        question = "Exérèse à programmer ou surveillance ?",
    )

    val derm = MemberEntry(DERM, "Dr Samira Benali", Profession.PHYSICIAN, listOf("dermatology"), "10101234567", retired = false)
    val cardio = MemberEntry(CARDIO, "Dr Claire Cœur", Profession.PHYSICIAN, listOf("cardiology"), "10107654321", retired = false)
    val retiredDerm = MemberEntry(
        UserId("@k1l5j9g2a:cpts-val-essai.fr"), "Dr Bruno Lefèvre", Profession.PHYSICIAN, listOf("dermatology"), "10009876543", retired = true,
    )
    /** The dermatologist's own declarations: away over Christmas and on 15 January, two extra Sunday mornings. */
    val dermAvailability = Availability(
        absences = listOf(Absence("2026-12-24", "2026-12-31"), Absence("2027-01-15", "2027-01-15")),
        permanences = listOf(
            Permanence("dermatology", "2026-11-29", 9 * 60, 13 * 60),
            Permanence("dermatology", "2026-12-06", 9 * 60, 13 * 60),
        ),
    )

    /**
     * A CPTS's week: a dermatologist two afternoons and Saturday morning, a cardiologist on
     * Wednesdays; the cardiologist away next week, the dermatologist's extra Sunday mornings.
     */
    val rota = Rota(
        isCoordinator = true,
        members = listOf(derm, cardio),
        slots = mapOf(
            DERM to listOf(
                DutySlot("dermatology", Weekday.MONDAY, 14 * 60, 18 * 60),
                DutySlot("dermatology", Weekday.THURSDAY, 14 * 60, 18 * 60),
                DutySlot("dermatology", Weekday.SATURDAY, 8 * 60 + 30, 12 * 60),
            ),
            CARDIO to listOf(DutySlot("cardiology", Weekday.WEDNESDAY, 8 * 60, 20 * 60)),
        ),
        availability = mapOf(
            CARDIO to Availability(absences = listOf(Absence("2026-11-30", "2026-12-04"))),
            DERM to Availability(permanences = dermAvailability.permanences),
        ),
    )

    /** A care team's professionals besides physicians: a home nurse and a pharmacist of the CPTS. */
    val nurseEntry = MemberEntry(NURSE, "Inès Garnier", Profession.NURSE, emptyList(), "10004561238", retired = false)
    val pharmacistEntry = MemberEntry(
        UserId("@m2q6w8r4y:cpts-val-essai.fr"), "Hugo Lambert", Profession.PHARMACIST, emptyList(), "10005432176", retired = false,
    )

    /** A care team's patient: back home after a stroke, followed by the nurse, the pharmacist and the GP. */
    val careTeamHeader = CaseHeader(
        patientLabel = "R.T.",
        ageBand = AgeBand.ELDERLY,
        sex = Sex.MALE,
        reason = "Retour à domicile après AVC ; escarre du talon droit",
        question = "Coordonner pansements, anticoagulant et passages infirmiers",
        photoConsent = true,
    )

    val gpEntry = MemberEntry(GP, "Dr Gilles Martin", Profession.PHYSICIAN, listOf("general_practice"), "10100000001", retired = false)

    fun summary(
        code: String,
        status: CaseStatus?,
        membership: Membership = Membership.JOINED,
        specialty: String? = "dermatology",
        urgency: Urgency = Urgency.SOON,
        deadline: DeadlineState? = null,
        unread: Int = 0,
        isRequest: Boolean = true,
        brief: RequestBrief? = null,
        muted: Boolean = false,
        waitingForMe: Boolean = false,
        askedByMe: Boolean = false,
        archived: Boolean = false,
    ) = CaseSummary(
        roomId = RoomId("!$code:cpts-val-essai.fr"),
        code = code,
        membership = membership,
        status = status,
        specialty = specialty,
        urgency = urgency,
        dueAtMillis = deadline?.let { MONDAY_AFTERNOON + 48 * HOUR },
        deadline = deadline?.let { Deadline(it, MONDAY_AFTERNOON + 48 * HOUR) },
        unread = unread,
        isRequest = isRequest,
        inviter = if (membership == Membership.INVITED) GP else null,
        brief = brief,
        inviterName = if (membership == Membership.INVITED) "Dr Gilles Martin" else null,
        muted = muted,
        archived = archived,
        askedByMe = askedByMe,
        waitingForMe = waitingForMe,
    )

    /** As the core flags them for Dr Benali: the invitation and the request she took wait for her; she asked the others. */
    val caseList = listOf(
        summary("IM-7K2QX9", null, Membership.INVITED, deadline = DeadlineState.ON_TIME, brief = brief, waitingForMe = true),
        summary("IM-3F8LZ2", CaseStatus.ACCEPTED, deadline = DeadlineState.OVERDUE, urgency = Urgency.URGENT, unread = 2, waitingForMe = true),
        summary("IM-9D4RT7", CaseStatus.ANSWERED, specialty = "cardiology", deadline = DeadlineState.DONE, unread = 1, muted = true, askedByMe = true, waitingForMe = true),
        summary("IM-2H6WN4", CaseStatus.OPEN, specialty = null, urgency = Urgency.ROUTINE, isRequest = false, askedByMe = true),
        summary("IM-5P1KC8", CaseStatus.CLOSED, specialty = "pneumology", urgency = Urgency.ROUTINE, deadline = DeadlineState.DONE, askedByMe = true),
    )

    /** Her archive: two requests closed in the autumn. */
    val archive = listOf(
        summary("IM-8B3VJ6", CaseStatus.CLOSED, deadline = DeadlineState.DONE, archived = true),
        summary("IM-4Q7ZM1", CaseStatus.CLOSED, specialty = "endocrinology", urgency = Urgency.ROUTINE, deadline = DeadlineState.DONE, askedByMe = true, archived = true),
    )

    private fun hit(code: String, kind: HitKind, minutes: Int, vararg parts: Pair<String, Boolean>) = SearchHit(
        roomId = RoomId("!$code:cpts-val-essai.fr"),
        code = code,
        eventId = EventId("\$hit$code$minutes"),
        kind = kind,
        sender = DERM,
        timestampMillis = MONDAY_AFTERNOON + minutes * 60_000L,
        snippet = parts.map { (text, matched) -> SnippetPart(text, matched) },
    )

    /** What the core finds for "exérèse" on her phone, best first, the matched words marked. */
    val searchHits = listOf(
        hit("IM-3F8LZ2", HitKind.ADVICE, 41, "Exérèse" to true, " complète avec marges de 2 mm, analyse anatomopathologique." to false),
        hit("IM-3F8LZ2", HitKind.HEADER, 0, "Lésion pigmentée du dos… " to false, "Exérèse" to true, " à programmer ou surveillance ?" to false),
        hit("IM-3F8LZ2", HitKind.CLOSURE, 3 * 24 * 60, "Exérèse" to true, " programmée le 2 décembre." to false),
        hit("IM-2H6WN4", HitKind.MESSAGE, -9 * 24 * 60, "Kyste sébacé de la nuque : " to false, "exérèse" to true, " sous anesthésie locale, sans complication." to false),
        hit("IM-8B3VJ6", HitKind.PHOTO, -40 * 24 * 60, "Cicatrice d'" to false, "exérèse" to true, ", J15" to false),
    )

    val room = RoomId("!IM-3F8LZ2:cpts-val-essai.fr")

    fun details(status: CaseStatus, acceptedBy: UserId? = DERM, muted: Boolean = false) = CaseDetails(
        roomId = room,
        code = "IM-3F8LZ2",
        membership = Membership.JOINED,
        statusInfo = CaseStatusInfo(status, "dermatology", Urgency.SOON, MONDAY_AFTERNOON + 48 * HOUR, isRequest = true, acceptedBy = acceptedBy),
        muted = muted,
    )

    private var sequence = 0

    fun message(
        sender: UserId,
        kind: MessageKind,
        me: UserId,
        minutes: Int,
        trust: TrustLevel = TrustLevel.ATTESTED,
        readBy: List<UserId> = emptyList(),
    ) = ConversationItem.Message(
        CaseMessage(
            eventId = EventId("\$event${++sequence}"),
            transactionId = null,
            sender = sender,
            isOwn = sender == me,
            timestampMillis = MONDAY_AFTERNOON + minutes * 60_000L,
            kind = kind,
            inReplyTo = null,
            edited = false,
            sharedBy = null,
            sendState = SendState.Sent,
            readBy = readBy,
            trust = if (sender == me) TrustLevel.VERIFIED else trust,
        ),
    )

    val lesionPhoto = PhotoMessage(caption = "Dos, région scapulaire gauche", width = 1200, height = 900, blurhash = null, hasThumbnail = true)

    /** The conversation of the request once handed over, as [me] sees it. */
    fun conversation(me: UserId, withAdvice: Boolean): List<ConversationItem> = buildList {
        add(ConversationItem.DayDivider(MONDAY_AFTERNOON))
        add(message(GP, MessageKind.Header(lesionHeader), me, 0, readBy = listOf(DERM)))
        add(message(GP, MessageKind.Photo(lesionPhoto), me, 1, readBy = listOf(DERM)))
        add(message(DERM, MessageKind.Membership(DERM, "Joined"), me, 20))
        add(message(DERM, MessageKind.Text("Bonjour, la lésion a-t-elle saigné ? Antécédents familiaux de mélanome ?"), me, 22))
        add(message(GP, MessageKind.Text("Pas de saignement. Sa mère a été opérée d'un mélanome en 2019."), me, 30, readBy = listOf(DERM)))
        if (withAdvice) add(message(DERM, MessageKind.AdviceCard(advice), me, 41))
    }

    /** Members of the request, named from the directory. */
    val members = listOf(
        CaseMember(GP, Membership.JOINED, "Dr Gilles Martin", listOf("general_practice"), inDirectory = true, trust = TrustLevel.VERIFIED),
        CaseMember(DERM, Membership.JOINED, "Dr Samira Benali", listOf("dermatology"), inDirectory = true, trust = TrustLevel.ATTESTED),
        CaseMember(NURSE, Membership.JOINED, "Inès Garnier", emptyList(), inDirectory = false, trust = TrustLevel.UNVERIFIED),
    )

    /** The CPTS du Val d'Essai, with the id its coordinator gives to whoever asks to join it. */
    val cpts = CptsInfo("!hV2kqPZsLmWcXrTy:cpts-val-essai.fr", "CPTS du Val d'Essai")

    /** What Pro Santé Connect said of Dr Benali when she signed in. */
    val benaliIdentity = PscIdentity(
        nationalId = "810101234567",
        givenName = "Samira",
        familyName = "BENALI",
        profession = Profession.PHYSICIAN,
        professionCode = "10",
        specialtyCode = "SM15",
    )

    /** Seven of the emojis both phones show when two doctors compare them. */
    val emojis = listOf(
        SasEmoji(0, "🐶", "Dog"),
        SasEmoji(24, "🍎", "Apple"),
        SasEmoji(54, "🚀", "Rocket"),
        SasEmoji(39, "⏰", "Clock"),
        SasEmoji(57, "🎸", "Guitar"),
        SasEmoji(63, "📌", "Pin"),
        SasEmoji(19, "🌏", "Globe"),
    )

    /** A dermoscopy-like picture drawn here (no patient's photo anywhere in the repository). */
    val lesionImage: ImageBytes by lazy {
        val surface = Surface.makeRasterN32Premul(480, 360)
        val canvas = surface.canvas
        canvas.clear(Color.makeRGB(226, 182, 150))
        canvas.drawOval(Rect.makeXYWH(170f, 110f, 150f, 120f), Paint().apply { color = Color.makeRGB(120, 72, 45) })
        canvas.drawOval(Rect.makeXYWH(205f, 140f, 70f, 55f), Paint().apply { color = Color.makeRGB(70, 40, 28) })
        canvas.drawOval(Rect.makeXYWH(260f, 150f, 40f, 35f), Paint().apply { color = Color.makeRGB(150, 95, 70) })
        ImageBytes(surface.makeImageSnapshot().encodeToData(EncodedImageFormat.PNG)!!.bytes)
    }
}
