package fr.innomed.android.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.size
import androidx.compose.material3.Icon
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.PathFillType
import androidx.compose.ui.graphics.SolidColor
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.graphics.vector.addPathNodes
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.trust.TrustLevel

/**
 * The shield beside a person's name, for the core's [TrustLevel]: filled green with a tick when
 * verified, the same shield in the primary colour when the CPTS vouches for the identity (so that
 * "I verified" and "my CPTS vouches" read apart), a quiet outline when not verified yet (the usual
 * case; a shield is always drawn, so that its absence never has to be read), filled in the error
 * colour with "!" and the warning in words when the identity changed, a grey outline struck
 * through when there is no identity to trust. Each is read aloud by its label.
 */
@Composable
fun TrustShield(level: TrustLevel, modifier: Modifier = Modifier) {
    val label = stringResource(level.label())
    val colors = MaterialTheme.colorScheme
    val (icon, tint) = when (level) {
        TrustLevel.VERIFIED -> ShieldVerified to if (isSystemInDarkTheme()) Color(0xFF81C784) else Color(0xFF2E7D32)
        TrustLevel.ATTESTED -> ShieldVerified to colors.primary
        TrustLevel.UNVERIFIED -> ShieldOutline to colors.onSurfaceVariant
        TrustLevel.CHANGED -> ShieldWarning to colors.error
        TrustLevel.NONE -> ShieldStruck to colors.outline
    }
    Row(modifier, horizontalArrangement = Arrangement.spacedBy(4.dp), verticalAlignment = Alignment.CenterVertically) {
        Icon(icon, contentDescription = label, tint = tint, modifier = Modifier.size(16.dp))
        if (level == TrustLevel.CHANGED) Text(label, color = tint, style = MaterialTheme.typography.labelSmall)
    }
}

// 24 × 24 shields, drawn here: the Material icon artifacts are not among the app's dependencies.
private const val SHIELD = "M12,1L3,5v6c0,5.55 3.84,10.74 9,12 5.16,-1.26 9,-6.45 9,-12V5L12,1z"
private const val INNER = "M12,3.19L19,6.3V11c0,4.52 -2.98,8.69 -7,9.93 -4.02,-1.24 -7,-5.41 -7,-9.93V6.3L12,3.19z"
private const val TICK = "M10,17l-4,-4 1.41,-1.41L10,14.17l6.59,-6.59L18,9l-8,8z"
private const val BANG = "M11,6h2v7h-2zM11,15h2v2h-2z"
private const val STRIKE = "M3.71,2.29L21.71,20.29 20.29,21.71 2.29,3.71z"

private val ShieldVerified by lazy { shield("ShieldVerified", SHIELD + TICK) }
private val ShieldOutline by lazy { shield("ShieldOutline", SHIELD + INNER) }
private val ShieldWarning by lazy { shield("ShieldWarning", SHIELD + BANG) }
private val ShieldStruck by lazy { shield("ShieldStruck", SHIELD + INNER, STRIKE) }

/** Each path is filled even-odd, so that a path inside another (tick, "!", inner outline) is cut out of it. */
private fun shield(name: String, vararg paths: String): ImageVector {
    val builder = ImageVector.Builder(name = name, defaultWidth = 24.dp, defaultHeight = 24.dp, viewportWidth = 24f, viewportHeight = 24f)
    paths.forEach { builder.addPath(addPathNodes(it), pathFillType = PathFillType.EvenOdd, fill = SolidColor(Color.Black)) }
    return builder.build()
}
