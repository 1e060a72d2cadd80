## Messages for the directory: search, PoC pages, nomination forms, verification queue, re-validation dashboard.
nav-directory = Справочник
nav-nominations = Назначения
nav-revalidation = Подтверждение

directory-title = Справочник контактных пунктов
directory-intro = Дипломатические и технические контактные пункты участвующих государств. Ищите по имени, государству, организации или любому другому слову; уточняйте по региону, роли, рабочему языку и часовому поясу; или покажите только тех, у кого сейчас рабочее время.
directory-filter-text = Поиск
directory-any = Любой
directory-filter-role = Роль
directory-filter-language = Рабочий язык
directory-filter-time-zone = Часовой пояс или регион
directory-filter-awake = Только те, у кого сейчас рабочее время
directory-search = Найти
directory-count = { $count ->
    [one] Найден { $count } контактный пункт.
    [few] Найдено { $count } контактных пункта.
    [many] Найдено { $count } контактных пунктов.
   *[other] Найдено { $count } контактного пункта.
}
directory-col-state = Государство или организация
directory-col-now = Сейчас
directory-pages = Страницы результатов
directory-previous = Назад
directory-next = Далее
directory-error-awake = «Сейчас рабочее время» может быть только включено или выключено.

poc-field-name = Имя
poc-field-secure-channels = Другие защищённые каналы
poc-field-notes = Примечания
poc-field-status = Статус
poc-phone-office = рабочий
poc-phone-mobile = мобильный
poc-phone-24x7 = круглосуточно
poc-status-pending = Ожидает проверки
poc-status-active = Действует
poc-status-rejected = Отклонён
poc-status-withdrawn = Отозван
poc-pending-create = новое назначение ожидает проверки
poc-pending-update = изменение ожидает проверки
poc-pending-withdraw = отзыв ожидает проверки
poc-confirmed-at = Последнее подтверждение
poc-revalidate-by = Подтвердить снова до
poc-overdue = просрочено
poc-details-heading = Контактные данные
poc-read-logged = Ваш просмотр этих данных зарегистрирован, и государство этого контактного пункта может его видеть.
poc-proposed-heading = Предлагаемое изменение
poc-actions-heading = Действия
poc-confirm-button = Подтвердить, что эти данные по-прежнему верны
poc-edit-button = Предложить изменение
poc-withdraw-button = Отозвать этот контактный пункт
poc-edit-title = Изменение контактного пункта
poc-history-heading = История
poc-history-version = Версия
poc-history-at = Когда
poc-history-action = Что произошло
poc-history-reason = Причина
poc-history-propose = назначен
poc-history-propose-update = предложено изменение
poc-history-propose-withdrawal = предложен отзыв
poc-history-approve = проверен секретариатом
poc-history-reject = отклонён секретариатом
poc-history-confirm = подтверждён назначающим органом

nominations-title = Назначения, ожидающие проверки
nominations-intro = Каждое назначение, изменение или отзыв вступает в силу только после проверки секретариатом. Самый старый запрос — первым.
nominations-empty = Ничего не ожидает проверки.
nominations-col-request = Запрос
nominations-col-since = Ожидает с
nominations-decide-heading = Решение секретариата
nominations-reason = Причина (обязательна при отклонении; назначающий орган её увидит)
nominations-approve = Проверить и активировать
nominations-reject = Отклонить

nominate-title = Назначить контактный пункт
nominate-intro = Секретариат проверяет каждое назначение, прежде чем оно появится в справочнике. Обязательные поля необходимо заполнить; остальные помогают другим государствам быстро связаться с этим человеком.
nominate-submit = Отправить на проверку
form-one-per-line = (по одному в строке)
form-phone-hint = (в международном формате, например +41 22 917 12 34)
form-phone-use = Назначение номера
form-languages-hint = (коды языков через пробел или запятую, например «ru en»)
form-time-zone-hint = (часовой пояс IANA, например «Europe/Moscow», «Asia/Almaty»)
form-hours-hint = (например «Mon-Fri 09:00-17:00», «Sun-Thu 08:00-16:00» или «24/7», в указанном часовом поясе)

revalidation-title = Подтверждение контактных пунктов
revalidation-intro = { $days ->
    [one] Назначающий орган должен подтверждать каждый действующий контактный пункт каждый { $days } день.
    [few] Назначающий орган должен подтверждать каждый действующий контактный пункт каждые { $days } дня.
   *[other] Назначающий орган должен подтверждать каждый действующий контактный пункт каждые { $days } дней.
} Напоминания направляются до срока; просроченные записи отмечаются здесь для секретариата и государства.
revalidation-overdue-count = { $count ->
    [one] { $count } контактный пункт не подтверждён в срок.
    [few] { $count } контактных пункта не подтверждены в срок.
   *[other] { $count } контактных пунктов не подтверждены в срок.
}
revalidation-none-overdue = Просроченных контактных пунктов нет.
revalidation-days-left = { $days ->
    [one] остался { $days } день
    [few] осталось { $days } дня
   *[other] осталось { $days } дней
}

region-africa = Африка
region-americas = Америка
region-asia = Азия
region-europe = Европа
region-oceania = Океания
