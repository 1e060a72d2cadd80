# E-learning: modules, lessons, quizzes and completion certificates.


learning-list-title = E-learning
learning-list-lead = Short modules on the directory's work, in your language. Read the lessons, then pass the quiz to receive a certificate anyone can verify.
learning-none = No module has been published yet.
learning-lessons-read = Lessons read:
learning-best-score = Best score:
learning-certificate-link = Your certificate
learning-version = Version
learning-lessons = Lessons
learning-lesson = Lesson
learning-read = Read
learning-read-next = Mark as read and go to the next lesson
learning-read-last = Mark as read and go back to the module
learning-quiz = Quiz
learning-quiz-about = { $questions ->
    [one] One question.
   *[other] { $questions } questions.
}
learning-quiz-minutes = { $minutes ->
    [one] You have one minute once you start.
   *[other] You have { $minutes } minutes once you start.
}
learning-quiz-mastery = { $percent } % of correct answers passes.
learning-quiz-start = Start the quiz
learning-quiz-continue = Continue the quiz
learning-quiz-again = Take the quiz again
learning-quiz-submit = Submit my answers
learning-deadline = Answer by:
learning-passed = You passed. Your certificate is ready.
learning-not-passed = You did not reach the mastery score this time. Read the lessons again and retake the quiz.
learning-score = Score:
learning-mastery = Mastery score:
done-learning-graded = Your answers are graded.
done-learning-uploaded = The module is published as a new version.

learning-manage-title = Manage modules
learning-manage-lead = Upload a module's files together: module.toml, one Markdown file per lesson and language, and one quiz file per language. Each upload becomes a new version; earlier versions and the certificates they gave stay as they were.
learning-upload-files = Module files
learning-upload-hint = For example: module.toml, 01-roles.en.md, 01-roles.fr.md, quiz.en.toml, quiz.fr.toml. Raw HTML, images and scripts are refused.
learning-upload = Upload
learning-upload-refused = The module was not published. Correct these problems and upload again:
learning-upload-concurrent = Another version of this module was published at the same moment. Upload again to publish yours after it.
learning-modules = Modules
learning-module = Module
learning-languages = Languages
learning-versions = Versions

learning-problem-no-files = No file was chosen.
learning-problem-too-large = Too large: at most 256 KiB a file, 2 MiB in all, 200 files.
learning-problem-not-text = Not UTF-8 text.
learning-problem-unknown-file = This file is not part of a module: its name must be module.toml, <lesson>.<language>.md or quiz.<language>.toml.
learning-problem-duplicate-file = This file was chosen twice.
learning-problem-no-manifest = module.toml is missing.
learning-problem-unreadable = This TOML file cannot be read.
learning-problem-format = The format must be "pocdir-learning-module/1".
learning-problem-slug = The module's name (slug) must be 3 to 60 lowercase letters, digits or dashes.
learning-problem-mastery = The mastery score must be between 50 and 100 %.
learning-problem-minutes = The quiz time must be between 5 and 240 minutes.
learning-problem-lessons = The lessons must be 1 to 20 distinct names of lowercase letters, digits or dashes.
learning-problem-answers = Each answer must be the number of a choice (1 to 6), for 1 to 50 questions.
learning-problem-missing-file = This file is missing: every language needs every lesson and a quiz.
learning-problem-questions = The quiz needs a title and as many questions as answers, each with 2 to 6 choices, the same number of choices in every language.
learning-problem-no-reference = The English text is missing: every module has one.
learning-problem-html = Raw HTML is not allowed in a lesson.
learning-problem-image = Images are not allowed in a lesson.
learning-problem-link = Links may go only to https, http or mailto addresses.
learning-problem-heading = A lesson starts with its title, as a line "# Title".
learning-quiz-past-deadline = The time for this attempt has run out. Start the quiz again.
learning-quiz-incomplete = Choose one answer for every question.
learning-quiz-already-graded = These answers were graded already.

certificate-title = Certificate of completion
certificate-valid = This certificate is genuine: its signature matches this installation's key.
certificate-forged = This certificate is not genuine: its contents do not match its signature.
certificate-unreadable = This is not a pocdir certificate (paste the whole certificate text).
certificate-unknown-key = This certificate was not signed by this installation.
certificate-certifies = This certifies that
certificate-passed = has passed the e-learning module
certificate-date = Date
certificate-issuer = Issued by
certificate-id = Certificate number
certificate-key = Signing key
certificate-json = The certificate as text
certificate-json-hint = Keep this text: anyone can check it at this installation's verification page or with the command below.
certificate-verify-title = Verify a certificate
certificate-verify-lead = Paste a certificate's text to check that this installation issued it and that nothing in it was changed.
certificate-verify-paste = Certificate text
certificate-verify = Verify
certificate-verify-cli = Without a browser:

values-log-learning-upload = { $actor } published a version of { $object }.
values-log-learning-grade = { $actor } took the quiz of { $object }.

learning-object = e-learning module { $id }
home-learning-link = E-learning: short modules and certificates
public-certificate-teaser = Received a pocdir e-learning certificate? Anyone can check that it is genuine.
learning-help = E-learning and certificates
learning-help-text = Each module has short lessons and a quiz, in the six languages. Mark the lessons read, then open the quiz: it must be answered within its time, once. A pass at the module's mastery score gives a certificate signed by the instance's key; anyone can check it on the public verification page, and your organisation can import your completions as xAPI statements.
