# Страницы сообщений: входящие, составление, переписка, пересылка; меню,
# главные страницы и справка. (Общие слова — в communications.ftl.)

nav-communications = Сообщения
comm-page-unread-count = { $count ->
    [one] { $count } непрочитанное сообщение
    [few] { $count } непрочитанных сообщения
   *[other] { $count } непрочитанных сообщений
}

comm-page-inbox-title = Сообщения
comm-page-metadata-only = Вы видите, кто, что, кому и когда отправил, с какой меткой и в каком статусе, но не содержание: оператор справочника его не видит.
comm-page-compose = Написать сообщение
comm-page-folders = Папки
comm-page-any = Любой
comm-page-filter-unread = Только непрочитанные
comm-page-filter-unacknowledged = Только без подтверждения
comm-page-filter-apply = Показать
comm-page-none = Здесь нет сообщений.
comm-page-col-label = Метка
comm-page-col-from = От
comm-page-col-sent = Отправлено
comm-page-col-status = Статус
comm-page-col-recipient = Получатель
comm-page-unread = Не прочитано
comm-page-number = Сообщение № { $id }
comm-page-older = Более ранние сообщения
comm-page-acknowledged-of = Подтвердили { $count } из { $total }

comm-page-field-kind = Вид
comm-page-field-urgency = Срочность
comm-page-field-tlp = Метка TLP
comm-page-field-to = Получатели
comm-page-field-text = Свободный текст
comm-page-field-text-language = Язык свободного текста
comm-page-field-attachments = Вложения

comm-page-compose-title = Написать сообщение
comm-page-reply-title = Ответить
comm-page-compose-intro = Укажите то, что известно; структурированные поля каждый читатель видит на своём языке, свободный текст — так, как вы его написали.
comm-page-not-sent = Ничего не отправлено. Исправьте поля ниже и отправьте снова.
comm-page-urgency-hint = Срочно: подтверждение ожидается в течение 2 часов; приоритетно: в течение 24 часов; в обычном порядке: в течение 72 часов.
comm-page-address-states = Целым государствам, по роли
comm-page-states = Участвующие государства
comm-page-states-hint = (удерживайте Ctrl или ⌘, чтобы выбрать несколько)
comm-page-roles = Каким контактным пунктам этих государств:
comm-page-address-named = Названным контактным пунктам
comm-page-named-hint = Контактные пункты участвующих государств, по государствам. Для TLP:RED нужны названные контактные пункты.
comm-page-local-time = Дата и время
comm-page-time-zone = Часовой пояс
comm-page-text-language-hint = например, русский (ru)
comm-page-attachments-hint = PDF, PNG, JPEG или простой текст; не более 5 файлов, до 5 МБ каждый и 10 МБ в сумме.
comm-page-send = Отправить
comm-page-send-reply = Отправить ответ
comm-page-reply-recipients = Ответ получат отправитель и все получатели сообщения, на которое вы отвечаете.
comm-page-back-to-thread = Вернуться к сообщению

comm-page-forward-title = Переслать
comm-page-forward-intro = Перешлите содержание и файлы с меткой, которая сохраняет или ужесточает исходную, тем получателям, которых эта метка допускает.
comm-page-forward-send = Переслать
comm-page-forward-refused = Не переслано: метка этого не допускает. Отказ записан в журнал.

comm-page-thread-title = Сообщение
comm-page-back-to-inbox = Вернуться к сообщениям
comm-page-amber-reminder = TLP:AMBER: за пределами pocdir делитесь этим только с теми, кого обслуживает ваше государство, и только при необходимости знать.
comm-page-ack-by = Подтверждение ожидается до
comm-page-forwarded-from = Пересылает
comm-page-my-status = Ваш статус
comm-page-text-as-written = Свободный текст, как написан (язык: { $language }):
comm-page-escalated = Ни один технический контактный пункт не подтвердил вовремя; оповещены дипломатические контактные пункты этих государств:
comm-page-recipients = { $count ->
    [one] { $count } получатель
    [few] { $count } получателя
   *[other] { $count } получателей
}
comm-page-acknowledge = Подтвердить получение
comm-page-reply = Ответить
comm-page-forward = Переслать
comm-page-zoned-time = { $time } ({ $zone })
comm-page-size-kb = { $size } КБ
comm-page-size-mb = { $size } МБ

comm-page-home-metadata = кто, что и кому отправил, и статусы (без содержания)
comm-page-home-unread = { $count ->
    [one] непрочитанное сообщение
    [few] непрочитанных сообщения
   *[other] непрочитанных сообщений
}

done-communication-sent = Сообщение отправлено всем получателям.
done-communication-replied = Ваш ответ отправлен.
done-communication-forwarded = Сообщение переслано.
done-communication-acknowledged = Получение подтверждено: отправитель это видит.

help-task-communications = Чтение сообщений
help-task-communications-text = Пункт «Сообщения» в меню показывает, сколько сообщений вы ещё не открыли. Во входящих — полученное, сначала новое; в «Отправленных» — отправленное вами; в «Сообщениях моего государства» — всё, что отправлено вашему государству или им. Фильтруйте по виду, срочности, метке, непрочитанным или неподтверждённым.
help-task-communications-send = Отправка сообщения
help-task-communications-send-text = Выберите вид, срочность и метку TLP, затем получателей: целые участвующие государства (их дипломатические, технические или все контактные пункты) или названные контактные пункты. Информация TLP:RED может идти только названным контактным пунктам. Поля для атрибуции нет: справочник не является инструментом для установления атрибуции.
help-task-communications-read = Чтение и подтверждение
help-task-communications-read-text = Каждое сообщение сначала показывает свою метку TLP и то, что она допускает. Подтвердите получение, как только ознакомились: если ни один технический контактный пункт вашего государства не подтвердит к сроку, оповещаются дипломатические контактные пункты вашего государства.
help-task-communications-reply = Ответ
help-task-communications-reply-text = Ответ получают отправитель и все получатели сообщения, на которое вы отвечаете, в той же переписке.
help-task-communications-forward = Пересылка
help-task-communications-forward-text = При пересылке метку можно сохранить или ужесточить, но не ослабить, и переслать только тем, кого она допускает. Информация TLP:RED никогда не пересылается. Отказ в пересылке записывается в журнал.
help-task-communications-metadata = Сообщения между контактными пунктами
help-task-communications-metadata-text = Список всех сообщений показывает, кто, какого вида сообщение, кому и когда отправил, с какой меткой, статус каждого получателя и любую эскалацию. Оператор не видит содержания, если он не является получателем.
