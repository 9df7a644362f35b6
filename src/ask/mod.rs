//! The interactive questionnaire.

use crate::answers::Answers;
use crate::cli::AssessArgs;
use crate::frameworks::Frameworks;

/// Runs the questionnaire; `None` when the user interrupted it.
pub fn interview(_fw: &Frameworks, _args: &AssessArgs) -> anyhow::Result<Option<Answers>> {
    anyhow::bail!("the interactive questionnaire is not built yet; pass --answers FILE")
}
