# Наращивание потенциала: запросы, предложения, выбор, подтверждение получения
# и подтверждение подбора секретариатом, последующая оценка.

home-capacity-link = Наращивание потенциала: запросы и предложения
capacity-object = запрос на наращивание потенциала № { $id }

capacity-list-title = Наращивание потенциала
capacity-list-lead = Государства запрашивают помощь в наращивании своего потенциала; государства и организации предлагают её; запрашивающее государство делает выбор, секретариат подтверждает подбор партнёра, и по каждому подбору через 6 и 12 месяцев проводится последующая оценка.
capacity-new-title = Подать запрос на наращивание потенциала
capacity-new-intro = Укажите, что требуется вашему государству. Поставщики помощи видят запрос в соответствии с выбранными ниже настройками; вы сравниваете их предложения и выбираете одно из них.
capacity-count = { $count ->
    [one] { $count } запрос
    [few] { $count } запроса
    [many] { $count } запросов
   *[other] { $count } запроса
}
capacity-overdue-count = { $count ->
    [one] { $count } запрос ожидает подтверждения получения сверх установленного срока в 5 рабочих дней.
    [few] { $count } запроса ожидают подтверждения получения сверх установленного срока в 5 рабочих дней.
    [many] { $count } запросов ожидают подтверждения получения сверх установленного срока в 5 рабочих дней.
   *[other] { $count } запроса ожидают подтверждения получения сверх установленного срока в 5 рабочих дней.
}
capacity-filter-show = Показать
capacity-show-open = Открытые для предложений
capacity-show-mine = Запросы моего государства
capacity-show-all = Все доступные мне
capacity-filter-any = Все
capacity-filter-needed-before = Требуется к (не позднее)
capacity-filter-apply = Применить фильтр
capacity-col-request = Запрос
capacity-col-requester = Запрашивающее государство
capacity-col-status = Статус
capacity-col-filed = Подан
capacity-col-first-offer = Первое предложение
capacity-col-provider = Поставщик помощи
capacity-col-funded = Финансируется поставщиком помощи
capacity-col-steps = Действия
capacity-request-number = Запрос № 
capacity-own = ваше государство
capacity-anonymous-requester = Государство-участник (анонимно до выбора им предложения)
capacity-yes = Да
capacity-no = Нет
capacity-due = срок
capacity-clocks = Контрольные сроки
capacity-offers = Предложения
capacity-no-offers = Предложений пока нет.
capacity-offer-title = Предложить помощь
capacity-offer-description = Что вы предлагаете: кто, что и когда
capacity-offer-funded = Мы финансируем это самостоятельно
capacity-make-offer = Направить предложение
capacity-withdraw-offer = Отозвать предложение
capacity-follow-ups = Последующая оценка
capacity-follow-up-not-yet = Срок ещё не наступил: форма станет доступна в установленную дату.
capacity-report-follow-up = Сообщить о результатах
capacity-file = Подать запрос

capacity-field-areas = Области
capacity-field-description = Описание
capacity-description-hint = Что вам требуется, для кого и что у вас уже есть.
capacity-field-languages = Языки
capacity-field-format = Форма помощи
capacity-field-needed-by = Требуется к
capacity-field-funding-needed = Требуется финансирование
capacity-field-visibility = Кто видит запрос
capacity-visibility-hint = Указанные поставщики помощи: выберите их в списке ниже.
capacity-field-providers = Указанные поставщики помощи
capacity-field-outcome = Результат
capacity-field-what-changed = Что изменилось

capacity-area-strategy_policy = Стратегия и политика
capacity-area-incident_response = Реагирование на инциденты и развитие CSIRT
capacity-area-critical_infrastructure = Защита критической инфраструктуры
capacity-area-cybercrime = Киберпреступность и электронные доказательства
capacity-area-international_law = Международное право и нормы
capacity-area-technical_training = Техническая подготовка
capacity-area-awareness = Повышение осведомлённости
capacity-area-standards = Стандарты

capacity-format-training = Обучение
capacity-format-advisory_mission = Консультативная миссия
capacity-format-equipment = Оборудование
capacity-format-peer_review = Взаимная оценка

capacity-visibility-all_providers = Все поставщики помощи
capacity-visibility-named_providers = Только указанные поставщики помощи
capacity-visibility-anonymous = Все поставщики помощи, без указания нашего государства до выбора нами предложения

capacity-status-filed = Подан
capacity-status-acknowledged = Получение подтверждено
capacity-status-selected = Предложение выбрано
capacity-status-matched = Подбор партнёра подтверждён
capacity-status-closed = Закрыт
capacity-status-withdrawn = Отозван

capacity-offer-status-open = Открыто
capacity-offer-status-selected = Выбрано
capacity-offer-status-not_selected = Не выбрано
capacity-offer-status-withdrawn = Отозвано

capacity-outcome-delivered = Помощь оказана
capacity-outcome-partly = Помощь оказана частично
capacity-outcome-not_delivered = Помощь не оказана

capacity-milestone-six_months = Последующая оценка через 6 месяцев
capacity-milestone-twelve_months = Последующая оценка через 12 месяцев

capacity-step-acknowledge = Подтвердить получение запроса
capacity-step-select = Выбрать это предложение
capacity-step-confirm = Подтвердить подбор партнёра
capacity-step-withdraw = Отозвать запрос

capacity-clock-acknowledgement = Подтверждение получения секретариатом
capacity-clock-running = Идёт
capacity-clock-overdue = Просрочено
capacity-clock-met = Соблюдён
capacity-clock-late = Соблюдён с опозданием

capacity-error-required = Это поле обязательно.
capacity-error-too-long = Слишком длинно (не более 4000 символов).
capacity-error-control-characters = Содержит управляющие символы.
capacity-error-area = Выберите из списка хотя бы одну область.
capacity-error-language = Выберите хотя бы один из шести языков ООН.
capacity-error-format = Выберите форму помощи из списка.
capacity-error-date = Укажите дату в формате YYYY-MM-DD.
capacity-error-date-past = Дата должна быть в будущем.
capacity-error-date-far = Дата должна приходиться на ближайшие пять лет.
capacity-error-visibility = Укажите, кто видит запрос.
capacity-error-providers = Укажите хотя бы одного участвующего поставщика помощи, помимо вашего собственного государства.

capacity-refused-not-participating = Это могут сделать только учётные записи государства-участника.
capacity-refused-closed = Запрос больше не допускает этого действия: он закрыт, отозван или уже перешёл на следующий этап.
capacity-refused-acknowledged = Получение запроса уже подтверждено.
capacity-refused-selected = По этому запросу уже выбрано предложение.
capacity-refused-not-selected = Предложение ещё не выбрано и не подтверждено.
capacity-refused-offer = Это предложение по данному запросу не является открытым.
capacity-refused-own = Ваше государство не может направить предложение по собственному запросу.
capacity-refused-offered = У вашего государства уже есть открытое предложение по этому запросу.
capacity-refused-not-due = Срок этой последующей оценки ещё не наступил.
capacity-refused-reported = Результаты этой последующей оценки уже представлены.

done-capacity-filed = Запрос подан. Секретариат подтвердит его получение в течение 5 рабочих дней.
done-capacity-offered = Ваше предложение направлено. Запрашивающее государство сравнит предложения.
done-capacity-offer-withdrawn = Ваше предложение отозвано.
done-capacity-selected = Предложение выбрано. Секретариат подтвердит подбор партнёра.
done-capacity-withdrawn = Запрос отозван.
done-capacity-acknowledged = Получение запроса подтверждено.
done-capacity-confirmed = Подбор партнёра подтверждён. Последующая оценка проводится через 6 и 12 месяцев после выбора предложения.
done-capacity-followed-up = Результаты последующей оценки представлены.

values-log-capacity-request = { $actor }: подан { $object }.
values-log-capacity-acknowledge = { $actor }: подтверждено получение ({ $object }).
values-log-capacity-offer = { $actor }: предложена помощь ({ $object }).
values-log-capacity-withdraw-offer = { $actor }: отозвано предложение ({ $object }).
values-log-capacity-select = { $actor }: выбрано предложение ({ $object }).
values-log-capacity-confirm = { $actor }: подтверждён подбор партнёра ({ $object }).
values-log-capacity-withdraw = { $actor }: отозван { $object }.
values-log-capacity-follow-up = { $actor }: представлены результаты последующей оценки ({ $object }).

# Финансирование: объявленные взносы, обязательства и выплаты доноров.
capacity-funding-title = Финансирование
capacity-funding-lead = Доноры объявляют взносы, принимают обязательства и выплачивают средства по запросам или на область наращивания потенциала. Каждая сумма указывается в своей валюте; итоги подводятся по каждой валюте отдельно.
capacity-no-funding = Финансирование не зарегистрировано.
capacity-col-donor = Донор
capacity-col-funds = Объект финансирования
capacity-col-stage = Этап
capacity-col-amount = Сумма
capacity-col-when = Дата
capacity-col-currency = Валюта
capacity-funding-totals = Итоги по валютам
capacity-funding-pledge = Объявленный взнос
capacity-funding-commitment = Обязательство
capacity-funding-disbursement = Выплата
capacity-currency-hint = Код ISO 4217, например EUR, USD, JPY.
capacity-amount-hint = Положительное число, количество десятичных знаков которого не превышает допустимого для валюты, например 25000.50.
capacity-fund-area = Объявить взнос на область
capacity-fund = Зарегистрировать финансирование
capacity-error-stage = Выберите объявленный взнос, обязательство или выплату.
capacity-error-currency = Укажите код валюты по ISO 4217, например EUR или USD.
capacity-error-amount = Укажите положительную сумму, количество десятичных знаков которой не превышает допустимого для валюты.
capacity-refused-own-funding = Ваше государство не может финансировать собственный запрос.
done-capacity-funded = Финансирование зарегистрировано.
values-log-capacity-fund = { $actor }: зарегистрировано финансирование ({ $object }).
values-log-capacity-assess = { $actor }: проведена самооценка готовности государства.
capacity-help-requests = Запросы о помощи и предложения
capacity-help-requests-text = Назначающий орган или дипломатический контактный пункт государства-участника подаёт запрос, указывая области, что требуется, предпочтительные языки, форму помощи, срок, требуется ли финансирование и кто может видеть запрос (все поставщики помощи, указанные поставщики помощи или все поставщики помощи без указания государства). Секретариат подтверждает получение в течение 5 рабочих дней. Поставщики помощи направляют предложения; запрашивающее государство сравнивает их и выбирает одно, а секретариат подтверждает подбор партнёра. Через шесть и двенадцать месяцев после выбора предложения запрашивающее государство сообщает о результатах. Каждый контрольный срок отображается в запросе: идёт, просрочен, соблюдён или соблюдён с опозданием.
capacity-help-funding = Финансирование
capacity-help-funding-text = Назначающий орган или дипломатический контактный пункт государства объявляет взносы, принимает обязательства и выплачивает средства по доступному этому государству запросу или на всю область, в валюте по своему выбору; итоги подводятся по каждой валюте отдельно и никогда не пересчитываются. Запрашивающее государство видит, кто финансирует его запрос.
capacity-help-readiness = Готовность и план действий
capacity-help-readiness-text = Государство отвечает на шесть вопросов (национальный CSIRT, возможность связаться в любое время суток, защищённые каналы и ключи OpenPGP, контактные пункты обоих видов, ответы на проверки связи, обучение сотрудников) и получает план действий. Каждый пробел за один шаг превращается в подготовленный запрос. Секретариат видит итоги по регионам, а ответы отдельного государства — только если это государство ими делится.
