# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = Справочник контактных пунктов
nav-main = Главное меню
directory-per-page = Строк на странице
directory-sorted-by = Сортировать по этому столбцу
directory-error-sort = Таблицу нельзя отсортировать по этому столбцу.
directory-error-per-page = Выберите от 1 до 200 строк на странице.
recovery-download = Скачать текстовым файлом
recovery-print-hint = Чтобы сохранить коды на бумаге, распечатайте эту страницу: будут напечатаны только коды.
recovery-file-heading = Резервные коды pocdir для { $email }
recovery-file-note = Каждый код позволяет один раз войти в систему, если вы потеряете приложение-аутентификатор. Храните этот файл в надежном месте отдельно от своего устройства.
recovery-error-codes = Это не те резервные коды, которые были показаны на этой странице.
