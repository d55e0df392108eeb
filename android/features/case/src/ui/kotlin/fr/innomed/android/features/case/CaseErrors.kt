package fr.innomed.android.features.case

import fr.innomed.android.ui.ErrorText
import fr.innomed.android.ui.R
import fr.innomed.android.ui.text

/** The case screen's errors: the API's, mapped in libraries/ui, and the screen's own. */
fun CaseScreenError.text(): ErrorText = when (this) {
    is CaseScreenError.Case -> error.text()
    is CaseScreenError.Conversation -> error.text()
    is CaseScreenError.Request -> error.text()
    is CaseScreenError.Photo -> error.text()
    CaseScreenError.AdviceIncomplete -> ErrorText(R.string.error_advice_incomplete)
    CaseScreenError.OutcomeMissing -> ErrorText(R.string.error_outcome_missing)
    is CaseScreenError.Trust -> error.text()
}
