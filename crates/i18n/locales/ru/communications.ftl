# Сообщения между КТ: термины шаблона, TLP, статусы, ошибки и письма.
# (Слова страниц — в communications-pages.ftl.)

comm-kind-incident_notification = Уведомление об инциденте в сфере ИКТ
comm-kind-information_request = Запрос информации
comm-kind-assistance_request = Запрос помощи
comm-kind-response = Ответ
comm-kind-general = Общее сообщение

comm-urgency-routine = Обычная
comm-urgency-priority = Приоритетная
comm-urgency-urgent = Срочная

comm-sector-energy = Энергетика
comm-sector-health = Здравоохранение
comm-sector-water = Водоснабжение
comm-sector-transport = Транспорт
comm-sector-finance = Финансы
comm-sector-telecommunications = Телекоммуникации
comm-sector-government = Государственное управление
comm-sector-other = Другое

comm-status-delivered = Доставлено
comm-status-read = Прочитано
comm-status-acknowledged = Получение подтверждено
comm-status-answered = Дан ответ

comm-roles-diplomatic = Дипломатические КТ
comm-roles-technical = Технические КТ
comm-roles-both = Дипломатические и технические КТ

comm-folder-inbox = Входящие
comm-folder-sent = Отправленные
comm-folder-state = Сообщения моего государства
comm-folder-all = Все сообщения

tlp-meaning-clear = Распространение не ограничено.
tlp-meaning-green = Только для КТ государств, участвующих в справочнике. Не публиковать.
tlp-meaning-amber = Только для КТ затронутых государств. За пределами pocdir делитесь лишь с теми, кого обслуживает ваше государство, по принципу служебной необходимости.
tlp-meaning-amber-strict = Только для КТ затронутых государств и только внутри их собственной организации.
tlp-meaning-red = Только для названных получателей. Не пересылать, не экспортировать и не распространять.

tlp-refused-not-a-reader = Вы не можете видеть содержание этого сообщения.
tlp-refused-red-forward = Информация TLP:RED никогда не пересылается.
tlp-refused-red-export = Информация TLP:RED никогда не экспортируется.
tlp-refused-red-named = Для TLP:RED нужны названные получатели: выберите людей, а не государства целиком.
tlp-refused-loosens = При пересылке метку TLP можно сохранить или ужесточить, но не ослабить.
tlp-refused-own-state = Эта метка позволяет делиться только с КТ вашего государства.
tlp-refused-community = Эта метка позволяет делиться только с КТ государств, участвующих в справочнике.
tlp-refused-taxii = Через TAXII передаётся только информация TLP:CLEAR и TLP:GREEN.

comm-error-kind = Выберите вид сообщения.
comm-error-urgency = Выберите срочность.
comm-error-tlp-missing = Выберите метку TLP: она нужна каждому сообщению.
comm-error-tlp-unknown = Это не метка TLP 2.0 (CLEAR, GREEN, AMBER, AMBER+STRICT или RED).
comm-error-required = Это поле обязательно.
comm-error-too-long = Слишком длинно.
comm-error-control-characters = Здесь есть символы, которые нельзя отобразить.
comm-error-language = Укажите язык текста тегом языка, например en, fr или ar.
comm-error-zone = Выберите часовой пояс, например Europe/Paris.
comm-error-time = Укажите дату и время, существующие в этом часовом поясе.
comm-error-detected-before-started = Инцидент не мог быть обнаружен раньше, чем начался.
comm-error-sector = Выберите секторы из списка.
comm-error-attachments-too-many = Можно приложить не более 5 файлов.
comm-error-attachments-too-large = Вместе файлы больше 10 МБ.
comm-error-attachment-too-large = Файл больше 5 МБ.
comm-error-attachment-empty = Файл пуст.
comm-error-attachment-name = У файла недопустимое имя.
comm-error-attachment-type = Тип файла не принимается (PDF, PNG, JPEG или простой текст).
comm-error-attachment-mismatch = Содержимое файла не соответствует расширению в его имени.
comm-error-already-acknowledged = Вы уже подтвердили получение этого сообщения.
comm-error-not-a-recipient = Подтвердить получение может только получатель.
comm-error-may-not-send = Отправлять сообщения могут только КТ государства, участвующего в справочнике.
comm-error-nobody = Выберите хотя бы одного получателя.
comm-error-unknown-recipient = Получатель не является КТ, который может получать сообщения.
comm-error-not-participating = Выбранное государство не участвует в справочнике.
comm-error-no-poc = У выбранного государства ещё нет КТ этой роли, который может получать сообщения.

comm-field-subject = Тема
comm-field-started = Начало
comm-field-detected = Обнаружение
comm-field-sectors = Затронутые секторы
comm-field-impact = Наблюдаемые последствия
comm-field-requested-action = Запрашиваемые действия
comm-field-respond-by = Ответ требуется до
comm-field-attribution-why = В этой форме нет поля для атрибуции: справочник — канал связи между государствами, а не инструмент установления атрибуции.

comm-mail-text-in = Текст в авторской редакции (язык: { $language }):
comm-mail-subject-clear = [{ $tlp }] { $urgency }: { $kind } от { $state }: { $subject }
comm-mail-subject-sealed = [{ $tlp }] { $urgency }: { $kind } от { $state } (№ { $id })
comm-mail-intro = { $state } направило вам сообщение через pocdir: { $kind }, { $urgency }, метка { $tlp }. Подтвердите получение до { $deadline }.
comm-mail-open = Прочитать, подтвердить получение и ответить в pocdir: { $link }
comm-mail-link-only = Метка не позволяет отправить содержание по электронной почте. Прочитать, подтвердить получение и ответить в pocdir: { $link }
comm-mail-signature = pocdir, справочник контактных точек. Это письмо отправлено автоматически; отвечайте в pocdir, а не на это письмо.
comm-mail-escalation-subject = [{ $tlp }] Получение не подтверждено: { $kind } от { $state } (№ { $id })
comm-mail-escalation-body = { $state } направило КТ вашего государства сообщение ({ $kind }, { $urgency }, метка { $tlp }). Ни один технический КТ вашего государства не подтвердил получение до { $deadline }. Пожалуйста, убедитесь, что им занимаются: { $link }
