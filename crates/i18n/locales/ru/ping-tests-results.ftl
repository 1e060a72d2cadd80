# Проверки связи: результаты кампании, диаграммы и выгрузки, проверка по другому каналу и динамика.
ping-results-title = Результаты проверки связи
ping-results-back = Вернуться к кампании
ping-results-back-list = Вернуться к проверкам связи
ping-results-status = Статус
ping-results-starts = Начало
ping-results-answer-by = Ответы вовремя до
ping-results-closes = Закрытие
ping-results-download = Скачать эти результаты:
ping-results-download-csv = CSV (электронная таблица)
ping-results-download-json = JSON
ping-results-trend-link = Динамика по кампаниям
ping-results-pick-state = Государство
ping-results-all-states = Все государства
ping-results-show = Показать
ping-results-overall = Все государства вместе
ping-results-overall-note = { $count ->
    [one] В этой кампании проверен { $count } контактный пункт. Эти данные охватывают все государства вместе.
    [few] В этой кампании проверено { $count } контактных пункта. Эти данные охватывают все государства вместе.
   *[other] В этой кампании проверено { $count } контактных пунктов. Эти данные охватывают все государства вместе.
}
ping-results-reach = Связь с государствами
ping-results-times = Время ответа
ping-results-answers = { $count ->
    [one] { $count } ответ.
    [few] { $count } ответа.
   *[other] { $count } ответов.
}
ping-results-median = Медианное время ответа
ping-results-p90 = 90 % ответили в течение
ping-results-none = нет
ping-results-by-state = По государствам
ping-results-your-state = Ваше государство
ping-results-pocs-of = Контактные пункты:
ping-results-no-lines = Здесь нечего показать.
ping-results-col-category = Категория
ping-results-col-count = Число
ping-results-col-share = Доля
ping-results-col-states = Государства
ping-results-col-state = Государство
ping-results-col-pocs = Контактные пункты
ping-results-col-reach = Связь
ping-results-col-name = Имя
ping-results-col-role = Роль
ping-results-col-outcome = Результат
ping-results-col-channel = Способ ответа
ping-results-col-response = Время ответа
ping-results-col-reminders = Отправлено напоминаний
ping-results-col-finding = Проверка по другому каналу
ping-results-col-check = Записать проверку
ping-results-col-campaign = Кампания
ping-results-col-reached = Связь установлена
ping-results-record-check = Записать проверку по другому каналу
ping-results-finding-legend = Что показала проверка по другому каналу (например, телефонный звонок)?
ping-results-finding-note = Примечание (как, когда, с кем)
ping-results-finding-submit = Записать проверку
ping-results-error-finding = Укажите, удалось ли связаться с контактным пунктом.
done-ping-finding-recorded = Проверка по другому каналу записана.
ping-results-chart-outcomes = Результаты запросов, все государства
ping-results-chart-state-outcomes = Результаты запросов: { $state }
ping-results-chart-outcomes-desc = Всего контактных пунктов: { $total }. Ответили вовремя: { $in_time }, с опозданием: { $late }, не ответили: { $no_answer }, письмо не доставлено: { $undeliverable }, ещё не ответили: { $awaiting }.
ping-results-chart-distribution = Время ответа
ping-results-chart-distribution-desc = Всего ответов: { $answers }. { $bands }. Медианное время ответа { $median }; 90 % ответили в течение { $p90 }.
ping-results-chart-distribution-none = Ответов пока нет, поэтому нет и времени ответа.
ping-results-chart-band-count = { $band }: { $count }
ping-results-list-separator = {", "}
ping-results-percent = { $whole },{ $tenth } %
ping-results-duration-dh = { $d } д { $h } ч
ping-results-duration-hm = { $h } ч { $m } мин
ping-results-duration-m = { $m } мин
ping-results-trend-title = Проверки связи: динамика по кампаниям
ping-results-trend-lead = Доля контактных пунктов, ответивших вовремя, и доля тех, с кем удалось связаться, в каждой кампании, по всем государствам вместе.
ping-results-trend-lead-state = Доля контактных пунктов, ответивших вовремя, и доля тех, с кем удалось связаться, в каждой кампании, по всем государствам вместе и по государству:
ping-results-trend-all-states = Все государства
ping-results-chart-trend-in-time = Доля контактных пунктов, ответивших вовремя, по кампаниям
ping-results-chart-trend-reached = Доля контактных пунктов, с которыми удалось связаться (вовремя или с опозданием), по кампаниям
ping-results-chart-trend-none = Ни одна проверка связи ещё не началась.
ping-results-chart-trend-absent = не участвовало в этой кампании
ping-results-chart-trend-point = { $campaign } { $value }
ping-results-chart-trend-series = { $series }: { $points }.
