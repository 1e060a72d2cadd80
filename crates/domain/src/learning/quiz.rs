//! A quiz attempt: opened with a deadline (the module's minutes), graded
//! once, passed at the module's mastery score.

use time::{Duration, OffsetDateTime};

/// How an attempt went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
    /// Rounded down, so that 79.9 % does not pass an 80 % mastery.
    pub percent: u8,
    pub passed: bool,
}

/// Why an answer sheet was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizRefusal {
    /// Submitted after the attempt's deadline.
    PastDeadline,
    /// Not one choice for every question, or a choice out of range.
    Incomplete,
    /// The attempt was graded already.
    AlreadyGraded,
}

impl QuizRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            QuizRefusal::PastDeadline => "learning-quiz-past-deadline",
            QuizRefusal::Incomplete => "learning-quiz-incomplete",
            QuizRefusal::AlreadyGraded => "learning-quiz-already-graded",
        }
    }
}

pub const MESSAGE_IDS: [&str; 3] = [
    "learning-quiz-past-deadline",
    "learning-quiz-incomplete",
    "learning-quiz-already-graded",
];

/// When an attempt opened at `opened` must be in.
pub fn deadline(opened: OffsetDateTime, quiz_minutes: u32) -> OffsetDateTime {
    opened + Duration::minutes(i64::from(quiz_minutes))
}

/// Grades `given` (one choice per question, counted from 1) against the
/// module's answers.
pub fn grade(
    answers: &[u8],
    choices_per_question: &[usize],
    given: &[u8],
    mastery_percent: u8,
    now: OffsetDateTime,
    deadline: OffsetDateTime,
) -> Result<Score, QuizRefusal> {
    if now > deadline {
        return Err(QuizRefusal::PastDeadline);
    }
    let complete = given.len() == answers.len()
        && given
            .iter()
            .zip(choices_per_question)
            .all(|(g, n)| *g >= 1 && usize::from(*g) <= *n);
    if !complete || choices_per_question.len() != answers.len() {
        return Err(QuizRefusal::Incomplete);
    }
    let correct = answers.iter().zip(given).filter(|(a, g)| a == g).count();
    let total = answers.len();
    let percent = (correct * 100)
        .checked_div(total)
        .and_then(|p| u8::try_from(p).ok())
        .unwrap_or(0);
    Ok(Score {
        correct: u32::try_from(correct).unwrap_or(u32::MAX),
        total: u32::try_from(total).unwrap_or(u32::MAX),
        percent,
        passed: percent >= mastery_percent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-01 10:00 UTC);

    #[test]
    fn mastery_is_reached_or_not() {
        let due = deadline(NOW, 30);
        let four = grade(&[2, 1, 3, 2, 1], &[3; 5], &[2, 1, 3, 2, 2], 80, NOW, due).unwrap();
        assert_eq!(
            (four.correct, four.total, four.percent, four.passed),
            (4, 5, 80, true)
        );
        let three = grade(&[2, 1, 3, 2, 1], &[3; 5], &[2, 1, 3, 1, 2], 80, NOW, due).unwrap();
        assert_eq!((three.percent, three.passed), (60, false));
        // 2 of 3 is 66 %, not rounded up to 67.
        let two = grade(&[1, 1, 1], &[2; 3], &[1, 1, 2], 67, NOW, due).unwrap();
        assert_eq!((two.percent, two.passed), (66, false));
    }

    #[test]
    fn late_or_incomplete_sheets_are_refused() {
        let due = deadline(NOW, 30);
        let late = NOW + Duration::minutes(31);
        assert_eq!(
            grade(&[1], &[2], &[1], 80, late, due),
            Err(QuizRefusal::PastDeadline)
        );
        assert_eq!(
            grade(&[1, 2], &[2, 2], &[1], 80, NOW, due),
            Err(QuizRefusal::Incomplete)
        );
        assert_eq!(
            grade(&[1], &[2], &[3], 80, NOW, due),
            Err(QuizRefusal::Incomplete)
        );
        assert_eq!(
            grade(&[1], &[2], &[0], 80, NOW, due),
            Err(QuizRefusal::Incomplete)
        );
        // At the deadline itself the sheet still counts.
        assert!(grade(&[1], &[2], &[1], 80, due, due).is_ok());
    }
}
