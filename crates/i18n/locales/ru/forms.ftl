# Формы, которые помогают: обязательные поля, ошибки простыми словами, шаги
# подтверждения с указанием причины, просмотр изменения, подтверждения,
# шаблон импорта.

forms-required = (обязательно)
forms-required-intro = Поля с пометкой «обязательно» нужно заполнить.
forms-error-summary = { $count ->
    [one] { $count } поле требует внимания:
    [few] { $count } поля требуют внимания:
   *[other] { $count } полей требуют внимания:
}
forms-cancel = Отмена
forms-error-role = Выберите, дипломатический это контактный пункт или технический.
forms-error-phone = Запишите номер в международном формате: знак плюс, код страны, затем номер, например +7 495 123 45 67.
forms-error-phone-use = Выберите назначение номера: рабочий, мобильный или круглосуточный.
forms-error-language = Этот язык не распознан. Напишите его краткий код, например «ru» для русского или «fr» для французского.
forms-error-time-zone = Этот часовой пояс не распознан. Напишите регион и город, например «Europe/Moscow» или «Asia/Karachi».
forms-error-withdraw-reason = Укажите, почему отзывается этот контактный пункт; секретариат это увидит.
forms-error-reason-too-long = Причина слишком длинная: не более 1000 символов.

forms-pending-create = новое назначение
forms-new-entry-heading = Новая запись (первое назначение)
forms-diff-heading = Предлагаемое изменение, поле за полем
forms-diff-intro = Каждое поле текущей записи рядом с предложением, отмеченное словами: без изменений, добавлено, удалено или изменено.
forms-diff-field = Поле
forms-diff-change = Изменение
forms-diff-current = Текущая запись
forms-diff-proposed = Предложение
forms-diff-empty = (пусто)
diff-unchanged = без изменений
diff-added = добавлено
diff-removed = удалено
diff-changed = изменено
forms-withdrawal-reason-shown = Указанная причина отзыва:

forms-approve-create = Утвердить назначение
forms-approve-update = Утвердить изменение
forms-approve-withdraw = Утвердить отзыв
forms-reject-create = Отклонить назначение
forms-reject-update = Отклонить изменение
forms-reject-withdraw = Отклонить отзыв
forms-reject-needs-reason = Для отклонения нужна причина; назначающий орган её увидит.
forms-reject-intro-create = Назначение будет отклонено и не появится в справочнике. Назначающий орган увидит вашу причину.
forms-reject-intro-update = Изменение будет отклонено; текущая запись останется как есть. Назначающий орган увидит вашу причину.
forms-reject-intro-withdraw = Отзыв будет отклонён; контактный пункт останется в справочнике. Назначающий орган увидит вашу причину.
forms-reject-reason = Причина отклонения
forms-reject-reason-hint = Одним-двумя предложениями: что не так и что сделало бы запрос приемлемым.
forms-withdraw-heading = Отозвать
forms-withdraw-intro-nomination = Это назначение ещё не проверено: оно отзывается сразу, и секретариат больше не будет его рассматривать.
forms-withdraw-intro-active = Контактный пункт остаётся в справочнике, пока секретариат не утвердит отзыв.
forms-withdraw-reason = Причина отзыва
forms-withdraw-reason-hint = Например: оставил должность, заменён другим сотрудником. Причина сохраняется в записи вместе с отзывом.
forms-withdraw-button-nomination = Отозвать назначение
forms-withdraw-button-active = Запросить отзыв

done-nominated = Назначение отправлено. Секретариат проверит его, прежде чем оно появится в справочнике.
done-nomination-amended = Назначение обновлено. Оно по-прежнему ожидает проверки.
done-change-proposed = Изменение отправлено на проверку. До тех пор справочник показывает текущую запись.
done-confirmed = Подтверждено: данные по-прежнему верны. Дата следующей повторной проверки перенесена.
done-withdrawal-requested = Отзыв отправлен на проверку. До тех пор контактный пункт остаётся в справочнике.
done-nomination-withdrawn = Назначение отозвано.
done-approved-create = Назначение утверждено: контактный пункт теперь есть в справочнике.
done-approved-update = Изменение утверждено: справочник теперь показывает новые данные.
done-approved-withdraw = Отзыв утверждён: контактного пункта больше нет в справочнике.
done-decided = Решение записано.
done-rejected = Отклонено. Назначающий орган увидит вашу причину.
done-imported = Назначения импортированы. Они ожидают проверки ниже.

forms-import-template-link = Скачать шаблон импорта (CSV)
forms-import-template-hint = Кодировка UTF-8, названия столбцов в первой строке и одна строка-пример, которую нужно заменить своими данными. Элементы списка в ячейке разделяются знаком «;».
forms-import-columns-heading = Что содержит каждый столбец
forms-import-col-column = Столбец
forms-import-col-what = Что писать
forms-import-col-example = Пример
forms-import-col-participant = Трёхбуквенный код государства, например PAK для Пакистана или RUS для России.
forms-import-col-role = «diplomatic» (дипломатический) или «technical» (технический).
forms-import-col-name = Полное имя сотрудника.
forms-import-col-title = Необязательно. Должность.
forms-import-col-organisation = Министерство, ведомство или CERT, где он работает.
forms-import-col-emails = Один или несколько адресов электронной почты через «;».
forms-import-col-phones = Необязательно. Каждый номер в международном формате (знак плюс и код страны), за ним назначение: office, mobile или 24x7; номера через «;».
forms-import-col-secure-channels = Необязательно. Другие защищённые способы связи через «;».
forms-import-col-languages = Рабочие языки краткими кодами через «;», например ru;en.
forms-import-col-time-zone = Часовой пояс в виде региона и города, например Asia/Karachi.
forms-import-col-hours = Рабочие часы в этом часовом поясе, например Mon-Fri 09:00-17:00 или 24/7.
forms-import-col-notes = Необязательно. Всё, что ещё поможет с ним связаться.
forms-import-col-openpgp-key = Необязательно. Его открытый ключ OpenPGP целиком, в одной ячейке.
