## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = Экспортировать эти результаты:
export-tlp-notice = TLP:AMBER+STRICT — передавать только внутри вашей собственной организации. Каждый экспорт регистрируется как просмотр каждой содержащейся в нём записи.

exchange-error-format = Выберите формат экспорта: csv, json или vcard.
exchange-error-import-format = Выберите формат импорта: csv или json.
exchange-error-mode = Выберите режим импорта: dry_run, commit или accept_valid.
exchange-error-too-large = Файл слишком велик: не более { $max_mib } МиБ.
exchange-error-too-many-rows = В файле слишком много строк: не более { $max_rows }.
exchange-error-not-text = Файл не является текстом в кодировке UTF-8.
exchange-error-empty = В файле нет строк.
exchange-error-malformed = Файл невозможно прочитать в выбранном формате.
exchange-error-missing-column = Отсутствует обязательный столбец: { $column }.
exchange-error-unknown-column = Неизвестный столбец: { $column }.
exchange-error-participant = Это не код участника (например, PAK, FRA).
exchange-error-unknown-participant = Участника с таким кодом нет.
exchange-error-participant-gone = Во время импорта был удалён участник. Ничего не импортировано; проверьте файл ещё раз.
exchange-error-cell-count = В этой строке не столько ячеек, сколько в строке заголовков.
exchange-error-not-an-object = Каждая запись должна быть объектом с именованными полями.
exchange-error-unknown-field = Неизвестное поле.
exchange-error-expected-text = Здесь ожидается текст.
exchange-error-expected-list = Здесь ожидается список.
exchange-error-expected-phone = Здесь ожидается номер телефона с указанием его назначения.
exchange-error-bad-rows = В некоторых строках есть ошибки, поэтому ничего не импортировано. Исправьте их или импортируйте только корректные строки.
exchange-error-nothing-valid = Ни одна строка не корректна, поэтому ничего не импортировано.
exchange-error-no-file = Выберите файл для импорта.

import-link = Импортировать кандидатуры из файла
import-title = Импорт кандидатур
import-intro = Сначала проверьте файл CSV или JSON: будут перечислены все ошибки во всех строках, и ничего не будет записано. Затем импортируйте все строки или только корректные. Импортированные кандидатуры ожидают проверки в очереди.
import-columns = Столбцы (элементы списков разделяются «;», телефоны в виде «+E164 назначение»):
import-upload = Файл для проверки
import-file = Файл CSV или JSON
import-format = Формат
import-format-auto = По имени файла
import-check = Проверить файл
import-report = Результат проверки
import-rows = { $count ->
    [one] Прочитана { $count } строка
    [few] Прочитано { $count } строки
    [many] Прочитано { $count } строк
   *[other] Прочитано { $count } строки
}
import-valid-rows = { $count ->
    [one] { $count } корректная
    [few] { $count } корректные
    [many] { $count } корректных
   *[other] { $count } корректной
}
import-bad-rows = { $count ->
    [one] { $count } с ошибками
    [few] { $count } с ошибками
    [many] { $count } с ошибками
   *[other] { $count } с ошибками
}
import-col-row = Строка
import-col-field = Поле
import-col-message = Ошибка
import-commit = { $count ->
    [one] Импортировать { $count } кандидатуру
    [few] Импортировать { $count } кандидатуры
    [many] Импортировать { $count } кандидатур
   *[other] Импортировать { $count } кандидатуры
}
import-accept-valid = { $count ->
    [one] Импортировать только корректную строку ({ $count })
    [few] Импортировать только { $count } корректные строки
    [many] Импортировать только { $count } корректных строк
   *[other] Импортировать только корректные строки ({ $count })
}
import-accept-valid-hint = Строки с ошибками будут пропущены и не будут импортированы.
import-done = { $count ->
    [one] Импортирована { $count } кандидатура; она ожидает проверки.
    [few] Импортировано { $count } кандидатуры; они ожидают проверки.
    [many] Импортировано { $count } кандидатур; они ожидают проверки.
   *[other] Импортировано { $count } кандидатуры; они ожидают проверки.
}
