# Общий глоссарий: понятия в области безопасности ИКТ на шести языках ООН,
# предложения государств, ведение глоссария секретариатом, TBX и SKOS.

home-lexicon-link = Общий глоссарий: согласованные термины на шести языках
lexicon-title = Общий глоссарий
lexicon-lead = Согласованные государствами термины в области безопасности ИКТ на шести языках ООН, с определениями и источниками. Предложите новый термин или изменение; глоссарий ведёт секретариат, и каждое изменение сохраняется в виде новой версии.
lexicon-search = Поиск терминов
lexicon-search-hint = Любой язык и любая письменность; регистр, диакритические знаки и огласовки не учитываются.
lexicon-search-button = Найти
lexicon-all-domains = Все области
lexicon-found = { $count ->
    [one] Найдено { $count } понятие
    [few] Найдено { $count } понятия
    [many] Найдено { $count } понятий
   *[other] Найдено { $count } понятия
}
lexicon-none = Подходящих понятий нет. Сократите число слов в запросе или предложите этот термин.
lexicon-pages = Страницы результатов
lexicon-previous = Назад
lexicon-next = Далее
lexicon-proposals-pending = { $count ->
    [0] Предложения (нет ожидающих рассмотрения)
    [one] Предложения ({ $count } на рассмотрении)
    [few] Предложения ({ $count } на рассмотрении)
    [many] Предложения ({ $count } на рассмотрении)
   *[other] Предложения ({ $count } на рассмотрении)
}
lexicon-propose-new = Предложить новый термин
lexicon-propose-change = Предложить изменение
lexicon-export-title = Скачать глоссарий
lexicon-export-lead = Весь глоссарий для терминологических программ и систем памяти переводов: TBX сохраняет всё (при обратном импорте ничего не меняется); SKOS предназначен для инструментов связанных данных и сохраняет предпочтительные, альтернативные и скрытые метки.
lexicon-version = Версия
lexicon-history-title = История изменений
lexicon-related = Связанные понятия
lexicon-pending-here = Изменение этого понятия ожидает рассмотрения секретариатом:
lexicon-proposal = Предложение
lexicon-concept = Понятие
lexicon-no-change = Изменений нет.
lexicon-change-domain = Изменена область:
lexicon-change-related-added = Добавлена перекрёстная ссылка на { $id }.
lexicon-change-related-removed = Удалена перекрёстная ссылка на { $id }.
lexicon-change-language-added = Добавлен язык: { $language }.
lexicon-change-language-removed = Удалён язык: { $language }.
lexicon-change-definition = Изменено определение (язык: { $language }):
lexicon-change-source = Изменён источник (язык: { $language }):
lexicon-change-note = Изменено примечание (язык: { $language }):
lexicon-change-term-added = Добавлен термин (язык: { $language }; статус: { $status }):
lexicon-change-term-removed = Удалён термин (язык: { $language }):
lexicon-change-term-status = Изменён статус термина «{ $term }» (язык: { $language }):
lexicon-form-lead = Заполните поля для известных вам языков; остальные оставьте пустыми. Термины на языках, для которых нет официального перевода, следует помечать как «предлагаемые». Секретариат рассматривает каждое предложение, а другие государства могут его комментировать.
lexicon-field-id = Идентификатор
lexicon-id-hint = Строчные латинские буквы, цифры и дефисы, например ict-incident.
lexicon-field-domain = Область
lexicon-field-related = Связанные понятия
lexicon-related-hint = Их идентификаторы через запятую.
lexicon-field-term = Термин
lexicon-field-terms = Термины
lexicon-field-status = Статус
lexicon-field-definition = Определение
lexicon-field-source = Источник
lexicon-field-note = Примечание
lexicon-field-rationale = Обоснование предложения
lexicon-field-lang = Язык
lexicon-field-language = Языки
lexicon-field-summary = Краткое описание изменения
lexicon-field-body = Комментарий
lexicon-submit-proposal = Отправить предложение
lexicon-proposals-title = Предложения
lexicon-pending = Ожидают рассмотрения секретариатом
lexicon-decided = Рассмотренные
lexicon-no-pending = Предложений, ожидающих рассмотрения, нет.
lexicon-no-decided = Решения ещё не принимались ни по одному предложению.
lexicon-new-concept = новое понятие
lexicon-proposed-by = Автор предложения
lexicon-by-secretariat = секретариат
lexicon-based-on = составлено на основе версии
lexicon-what-changes = Что изменяется
lexicon-proposed-text = Полный текст предложения
lexicon-decide = Решение
lexicon-decision-note = Примечание или причина
lexicon-decision-hint = Обязательно при отклонении: автор предложения увидит этот текст.
lexicon-accept = Принять в качестве следующей версии
lexicon-reject = Отклонить
lexicon-comments = Комментарии
lexicon-no-comments = Комментариев пока нет.
lexicon-add-comment = Ваш комментарий
lexicon-comment-send = Добавить комментарий
lexicon-import-title = Импорт терминов
lexicon-import-lead = Файл TBX (ISO 30042, TBX-Basic) или файл SKOS в формате JSON-LD. Каждое понятие, отличающееся от имеющегося в глоссарии, становится его следующей версией; файл, содержащий хотя бы одну ошибку, ничего не меняет.
lexicon-import-format = Формат
lexicon-import-file = Файл
lexicon-import-send = Импортировать
lexicon-import-refused = Ничего не импортировано:
lexicon-import-malformed = Не удаётся прочитать файл ({ $place }).
lexicon-object = понятие { $id } глоссария
lexicon-object-all = общий глоссарий
lexicon-status-proposed = предлагаемый
lexicon-status-preferred = предпочтительный
lexicon-status-admitted = допустимый
lexicon-status-deprecated = нерекомендуемый
lexicon-status-obsolete = устаревший
lexicon-domain-threats = Угрозы
lexicon-domain-norms = Нормы ответственного поведения государств
lexicon-domain-international_law = Международное право
lexicon-domain-confidence_building = Меры укрепления доверия
lexicon-domain-capacity_building = Наращивание потенциала
lexicon-domain-incident_response = Реагирование на инциденты
lexicon-domain-technical = Технические термины
lexicon-proposal-pending = на рассмотрении
lexicon-proposal-accepted = принято
lexicon-proposal-rejected = отклонено
lexicon-error-id = Используйте только строчные латинские буквы, цифры и дефисы (не более 64 знаков).
lexicon-error-domain = Выберите одну из областей.
lexicon-error-related = Перекрёстная ссылка должна быть идентификатором другого понятия.
lexicon-error-language = Это не один из шести языков ООН.
lexicon-error-language-twice = Этот язык указан дважды.
lexicon-error-status = Выберите статус: предлагаемый, предпочтительный, допустимый, нерекомендуемый или устаревший.
lexicon-error-term-twice = Один и тот же термин указан на этом языке дважды.
lexicon-error-no-term = Укажите хотя бы один термин на этом языке или оставьте все его поля пустыми.
lexicon-error-no-language = Укажите хотя бы один термин хотя бы на одном языке.
lexicon-error-too-long = Слишком длинный текст.
lexicon-error-too-many = Слишком много элементов.
lexicon-error-characters = Управляющие символы и угловые скобки не допускаются.
lexicon-error-text = Напишите несколько слов (не более 4000 знаков).
lexicon-error-reason = Укажите, почему предложение отклонено: его автор увидит этот текст.
lexicon-error-decision = Выберите: принять или отклонить.
lexicon-error-format = Выберите TBX, Turtle или JSON-LD.
lexicon-error-no-file = Выберите файл для импорта.
lexicon-error-base = В форме не указано, какую версию она изменяет; откройте её заново со страницы понятия.
lexicon-concept-exists = Понятие с таким идентификатором уже существует: вместо этого предложите его изменение.
lexicon-concurrent = С тех пор как вы открыли понятие, оно было изменено. Откройте его заново, чтобы увидеть изменение, а затем предложите своё.
lexicon-proposal-decided = Решение по этому предложению уже принято.
lexicon-proposal-stale = Понятие изменилось после того, как было составлено это предложение: принять его в нынешнем виде нельзя. Отклоните его с примечанием или попросите автора внести предложение заново.
done-lexicon-proposed = Ваше предложение направлено в секретариат.
done-lexicon-commented = Ваш комментарий добавлен.
done-lexicon-accepted = Предложение принято: оно стало новой версией понятия.
done-lexicon-rejected = Предложение отклонено; автор может ознакомиться с указанной вами причиной.
done-lexicon-imported = Файл импортирован.
values-log-lexicon-change = { $actor }: создана новая версия ({ $object }).
values-log-lexicon-import = { $actor }: импортированы термины ({ $object }).
values-log-lexicon-propose = { $actor }: предложено изменение ({ $object }).
values-log-lexicon-decide = { $actor }: принято решение по предложению ({ $object }).
values-log-lexicon-comment = { $actor }: добавлен комментарий к предложению ({ $object }).
lexicon-help = Общий глоссарий
lexicon-help-text = Ищите термин на любом из шести языков без учёта регистра и диакритических знаков. Для каждого понятия отображаются его определение и источник на каждом языке, а также статус каждого термина. Чтобы предложить новый термин или изменение, направьте предложение со страницы понятия; другие государства его комментируют, а секретариат принимает его или отклоняет с указанием причины. Каждое принятое изменение становится новой версией, а история изменений показывает, что именно изменилось.
