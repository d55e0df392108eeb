package fr.innomed.android.features.directory

import androidx.compose.runtime.Composable
import androidx.compose.ui.res.stringResource
import fr.innomed.android.api.directory.Absence
import fr.innomed.android.api.directory.Permanence
import fr.innomed.android.ui.R
import java.time.LocalDate
import java.time.format.DateTimeFormatter
import java.util.Locale

/** `2026-11-30` (the core's way) → "lun. 30 nov. 2026" / "Mon 30 Nov 2026"; anything else as the core gave it. */
fun dayLabel(day: String, locale: Locale = Locale.getDefault()): String =
    runCatching { LocalDate.parse(day).format(DateTimeFormatter.ofPattern("EEE d MMM yyyy", locale)) }.getOrDefault(day)

/** "Absence du lun. 30 nov. 2026 au ven. 4 déc. 2026", or "Absence le …" for one day. */
@Composable
fun absenceText(absence: Absence): String =
    if (absence.firstDay == absence.lastDay) {
        stringResource(R.string.availability_absence_day, dayLabel(absence.firstDay))
    } else {
        stringResource(R.string.availability_absence, dayLabel(absence.firstDay), dayLabel(absence.lastDay))
    }

/** "Permanence le sam. 28 nov. 2026 de 08:00 à 12:00". */
@Composable
fun permanenceText(permanence: Permanence): String =
    stringResource(R.string.availability_permanence, dayLabel(permanence.day), formatTime(permanence.startMinute), formatTime(permanence.endMinute))
