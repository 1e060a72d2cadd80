# Электронное обучение: модули, уроки, тесты и сертификаты о прохождении обучения.


learning-list-title = Электронное обучение
learning-list-lead = Краткие модули о работе справочника на вашем языке. Изучите уроки, а затем пройдите тест, чтобы получить сертификат, подлинность которого может проверить любой.
learning-none = Пока не опубликовано ни одного модуля.
learning-lessons-read = Прочитано уроков:
learning-best-score = Лучший результат:
learning-certificate-link = Ваш сертификат
learning-version = Версия
learning-lessons = Уроки
learning-lesson = Урок
learning-read = Прочитан
learning-read-next = Отметить как прочитанный и перейти к следующему уроку
learning-read-last = Отметить как прочитанный и вернуться к модулю
learning-quiz = Тест
learning-quiz-about = { $questions ->
    [one] { $questions } вопрос.
    [few] { $questions } вопроса.
    [many] { $questions } вопросов.
   *[other] { $questions } вопроса.
}
learning-quiz-minutes = { $minutes ->
    [one] После начала теста на ответы отводится { $minutes } минута.
    [few] После начала теста на ответы отводится { $minutes } минуты.
    [many] После начала теста на ответы отводится { $minutes } минут.
   *[other] После начала теста на ответы отводится { $minutes } минуты.
}
learning-quiz-mastery = Для успешного прохождения необходимо не менее { $percent } % правильных ответов.
learning-quiz-start = Начать тест
learning-quiz-continue = Продолжить тест
learning-quiz-again = Пройти тест повторно
learning-quiz-submit = Отправить ответы
learning-deadline = Ответить до:
learning-passed = Тест пройден. Ваш сертификат готов.
learning-not-passed = На этот раз проходной балл не достигнут. Ещё раз изучите уроки и пройдите тест повторно.
learning-score = Результат:
learning-mastery = Проходной балл:
done-learning-graded = Ваши ответы оценены.
done-learning-uploaded = Модуль опубликован в качестве новой версии.

learning-manage-title = Управление модулями
learning-manage-lead = Загрузите все файлы модуля одновременно: module.toml, по одному файлу Markdown на каждый урок и язык и по одному файлу теста на каждый язык. Каждая загрузка становится новой версией; предыдущие версии и выданные по ним сертификаты остаются без изменений.
learning-upload-files = Файлы модуля
learning-upload-hint = Например: module.toml, 01-roles.en.md, 01-roles.fr.md, quiz.en.toml, quiz.fr.toml. HTML-код, изображения и скрипты не принимаются.
learning-upload = Загрузить
learning-upload-refused = Модуль не опубликован. Устраните следующие проблемы и загрузите файлы снова:
learning-upload-concurrent = В тот же момент была опубликована другая версия этого модуля. Загрузите файлы снова, чтобы опубликовать вашу версию после неё.
learning-modules = Модули
learning-module = Модуль
learning-languages = Языки
learning-versions = Версии

learning-problem-no-files = Не выбран ни один файл.
learning-problem-too-large = Слишком большой объём: не более 256 KiB на файл, 2 MiB в целом и 200 файлов.
learning-problem-not-text = Это не текст в кодировке UTF-8.
learning-problem-unknown-file = Этот файл не относится к модулю: его имя должно иметь вид module.toml, <lesson>.<language>.md или quiz.<language>.toml.
learning-problem-duplicate-file = Этот файл выбран дважды.
learning-problem-no-manifest = Отсутствует файл module.toml.
learning-problem-unreadable = Не удаётся прочитать этот файл TOML.
learning-problem-format = Формат должен быть "pocdir-learning-module/1".
learning-problem-slug = Имя модуля (slug) должно состоять из 3–60 строчных латинских букв, цифр или дефисов.
learning-problem-mastery = Проходной балл должен составлять от 50 до 100 %.
learning-problem-minutes = Время на тест должно составлять от 5 до 240 минут.
learning-problem-lessons = Уроков должно быть от 1 до 20, и их имена должны быть разными и состоять из строчных латинских букв, цифр или дефисов.
learning-problem-answers = Каждый ответ должен быть номером варианта ответа (от 1 до 6); вопросов должно быть от 1 до 50.
learning-problem-missing-file = Отсутствует этот файл: для каждого языка требуются все уроки и тест.
learning-problem-questions = В тесте должны быть название и столько же вопросов, сколько ответов, в каждом вопросе — от 2 до 6 вариантов ответа, причём на всех языках число вариантов должно быть одинаковым.
learning-problem-no-reference = Отсутствует текст на английском языке: он обязателен для каждого модуля.
learning-problem-html = HTML-код в уроке не допускается.
learning-problem-image = Изображения в уроке не допускаются.
learning-problem-link = Ссылки допускаются только на адреса https, http или mailto.
learning-problem-heading = Урок должен начинаться со своего названия в виде строки "# Название".
learning-quiz-past-deadline = Время, отведённое на эту попытку, истекло. Начните тест заново.
learning-quiz-incomplete = Выберите по одному ответу на каждый вопрос.
learning-quiz-already-graded = Эти ответы уже оценены.

certificate-title = Сертификат о прохождении обучения
certificate-valid = Этот сертификат подлинный: его подпись соответствует ключу данного экземпляра pocdir.
certificate-forged = Этот сертификат не является подлинным: его содержание не соответствует подписи.
certificate-unreadable = Это не сертификат pocdir (вставьте полный текст сертификата).
certificate-unknown-key = Этот сертификат подписан не данным экземпляром pocdir.
certificate-certifies = Настоящим удостоверяется, что
certificate-passed = успешно прошёл(-ла) модуль электронного обучения
certificate-date = Дата
certificate-issuer = Кем выдан
certificate-id = Номер сертификата
certificate-key = Ключ подписи
certificate-json = Сертификат в текстовом виде
certificate-json-hint = Сохраните этот текст: любой может проверить его на странице проверки данного экземпляра pocdir или с помощью приведённой ниже команды.
certificate-verify-title = Проверить сертификат
certificate-verify-lead = Вставьте текст сертификата, чтобы убедиться, что он выдан данным экземпляром pocdir и что в нём ничего не изменено.
certificate-verify-paste = Текст сертификата
certificate-verify = Проверить
certificate-verify-cli = Без браузера:

values-log-learning-upload = { $actor }: опубликована версия ({ $object }).
values-log-learning-grade = { $actor }: пройден тест ({ $object }).

learning-object = модуль электронного обучения { $id }
home-learning-link = Электронное обучение: краткие модули и сертификаты
public-certificate-teaser = Получили сертификат об электронном обучении pocdir? Любой может проверить его подлинность.
learning-help = Электронное обучение и сертификаты
learning-help-text = Каждый модуль включает краткие уроки и тест на шести языках. Отметьте уроки как прочитанные, затем откройте тест: на него нужно ответить один раз в отведённое время. При достижении проходного балла модуля выдаётся сертификат, подписанный ключом данного экземпляра pocdir; любой может проверить его на общедоступной странице проверки, а ваша организация может импортировать сведения о пройденных вами модулях в виде утверждений xAPI.
