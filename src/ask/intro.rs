//! The introduction to a session: what is left to answer, how long that takes, where the
//! answers are saved and how to stop and come back.

use super::flow::Step;
use super::{say, say_owned};
use crate::answers::Answers;
use crate::frameworks::{AskText, Frameworks};
use std::path::Path;

/// Minutes (low, high) for questions holding `words` words in all: the words read aloud, plus
/// the answering time of each question, at the pace `report.toml` `[ask]` assumes. Whole
/// minutes under ten, else to the nearest five.
fn estimate_minutes(pace: &AskText, words: usize, questions: usize) -> (u32, u32) {
    let reading = words as f64 / pace.words_per_minute;
    let answering = |seconds: f64| questions as f64 * seconds / 60.0;
    let (low, high) =
        (reading + answering(pace.fastest_answer_seconds), reading + answering(pace.slowest_answer_seconds));
    if high < 10.0 {
        (low.round().max(1.0) as u32, high.round().max(1.0) as u32)
    } else {
        let to_five = |m: f64| ((m / 5.0).round() * 5.0).max(5.0) as u32;
        (to_five(low), to_five(high))
    }
}

/// The introduction: what is left and how long it takes, where the answers go, and `keys`, how
/// to go back and stop.
pub(crate) fn introduction(fw: &Frameworks, answers: &Answers, path: &Path, resume: &str, keys: &str) -> String {
    let words = &fw.report.ask;
    let steps = Step::all(fw);
    let left: Vec<&Step> = steps.iter().filter(|s| !s.is_answered(answers)).collect();
    let work = if left.is_empty() {
        say(&words.all_answered, &[("total", &steps.len().to_string())])
    } else {
        work(fw, &left, steps.len())
    };
    let path = path.display().to_string();
    say(&words.introduction, &[("work", &work), ("path", &path), ("keys", keys), ("resume", resume)])
}

/// What is left to answer (`left`, of `total` questions), in which sections, and how long it
/// takes.
fn work(fw: &Frameworks, left: &[&Step], total: usize) -> String {
    let words = &fw.report.ask;
    let mut sections: Vec<&str> = left.iter().map(|s| s.section(fw)).collect();
    sections.dedup();
    let count: usize = left.iter().map(|s| s.words()).sum();
    let (low, high) = estimate_minutes(words, count, left.len());
    let (low, high) = (low.to_string(), high.to_string());
    let minutes = if low == high { low } else { say(&words.minutes_range, &[("low", &low), ("high", &high)]) };
    let (count_left, total_text) = (left.len().to_string(), total.to_string());
    let questions = if left.len() == total {
        say(&words.questions, &[("total", &total_text)])
    } else {
        say(&words.questions_left, &[("left", &count_left), ("total", &total_text)])
    };
    let values = [
        ("questions", questions),
        ("sections", sections.join(", ")),
        ("minutes", minutes),
        ("words", thousands(count)),
        ("pace", words.words_per_minute.to_string()),
        ("fastest", words.fastest_answer_seconds.to_string()),
        ("slowest", words.slowest_answer_seconds.to_string()),
        ("dont_know", fw.report.dont_know.to_string()),
    ];
    say_owned(&words.work, &values)
}

/// 2176 as "2,176".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, ContextValue};
    use crate::frameworks::Load;

    #[test]
    fn the_estimate_adds_reading_and_answering_time() {
        // At 140 words a minute and 20 to 45 seconds an answer: 1,400 words take 10 minutes to
        // read; 30 answers 10 to 22.5 minutes: 20 to 32.5, which is 35 to the nearest five.
        let mut pace = Frameworks::builtin().unwrap().report.ask.clone();
        (pace.words_per_minute, pace.fastest_answer_seconds, pace.slowest_answer_seconds) = (140.0, 20.0, 45.0);
        assert_eq!(estimate_minutes(&pace, 1400, 30), (20, 35));
        assert_eq!(estimate_minutes(&pace, 140, 3), (2, 3));
        assert_eq!(estimate_minutes(&pace, 0, 0), (1, 1));
        // Half the pace doubles the reading time: 20 minutes and 10 to 22.5: 30 to 45.
        pace.words_per_minute = 70.0;
        assert_eq!(estimate_minutes(&pace, 1400, 30), (30, 45));
    }

    #[test]
    fn the_introduction_speaks_of_what_is_left() {
        let fw = Frameworks::builtin().unwrap();
        let total = fw.questionnaire.context.len() + fw.questionnaire.questions.len();
        let fresh = introduction(&fw, &Answers::default(), Path::new("s.toml"), "resume", "keys");
        assert!(fresh.contains(&format!("{total} questions, in: Business context, Data foundation")), "{fresh}");
        // 2,590 words read in 18.5 minutes and 42 answers at 20 seconds in 14: 32.5, which
        // is 35 to the nearest five.
        assert!(fresh.contains("Allow about 35 to 50 minutes"), "{fresh}");

        let steps = Step::all(&fw);
        let mut answers = Answers::default();
        let answer = |answers: &mut Answers, step: &Step| match step {
            Step::Context(q) => drop(answers.context.insert(q.id.clone(), ContextValue::DontKnow)),
            Step::Readiness(q) => drop(answers.readiness.insert(q.id.clone(), Answer::DontKnow)),
        };
        steps[..total - 2].iter().for_each(|s| answer(&mut answers, s));
        let resumed = introduction(&fw, &answers, Path::new("s.toml"), "resume", "keys");
        let last = fw.questionnaire.dimensions.last().unwrap();
        assert!(resumed.contains(&format!("2 of {total} questions left, in: {}.", last.name)), "{resumed}");
        assert!(!resumed.contains("Business context"), "{resumed}");

        steps.iter().for_each(|s| answer(&mut answers, s));
        let done = introduction(&fw, &answers, Path::new("s.toml"), "resume", "keys");
        assert!(done.contains(&format!("All {total} questions are answered")), "{done}");
        assert!(!done.contains("minutes"), "{done}");
    }
}
