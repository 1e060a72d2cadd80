# Библиотека передового опыта: документы, которые государства и секретариат публикуют
# друг для друга, с меткой TLP, языками, областями и резюме.

home-library-link = Библиотека передового опыта: стратегии, политика, руководства по реагированию и извлечённые уроки, которыми делятся государства
library-title = Библиотека передового опыта
library-lead = Национальные стратегии, документы о политике, руководства по реагированию на инциденты и уроки, извлечённые из учений, которыми государства и секретариат обмениваются друг с другом. Каждый документ имеет метку TLP, указывающую, кто может его читать; скачивание документа другого государства записывается в журнал, с которым это государство может ознакомиться.
library-publish-new = Опубликовать документ
library-search = Поиск документов
library-search-hint = Слова из названия или резюме на любом языке и в любой письменности; регистр, диакритические знаки и огласовки не учитываются.
library-search-button = Найти
library-any = Все
library-show-withdrawn = Показать вместо этого отозванные документы
library-found = { $count ->
    [one] Найден { $count } документ
    [few] Найдено { $count } документа
    [many] Найдено { $count } документов
   *[other] Найдено { $count } документа
}
library-none = Подходящих документов нет. Сократите число слов в запросе или число фильтров.
library-pages = Страницы результатов
library-previous = Назад
library-next = Далее
library-withdrawn = Отозван
library-withdrawn-on = Отозван
library-published = Дата публикации
library-publisher-secretariat = Секретариат
library-summaries = Резюме
library-summaries-hint = Резюме обязательно на каждом языке, на котором составлен документ; резюме на других языках ООН помогают читателям решить, стоит ли его скачивать.
library-file = Документ
library-download = Скачать
library-file-size = { $kib } KiB
library-download-logged = Скачивание будет записано в защищённый от подделки журнал, с которым может ознакомиться опубликовавшее документ государство.
library-withdraw-title = Отозвать этот документ
library-withdraw = Отозвать документ
library-new-title = Опубликовать документ
library-new-intro = Поделитесь документом с другими государствами. Выбирайте метку TLP внимательно: от неё зависит, кто увидит документ.
library-field-title = Название
library-field-kind = Вид документа
library-field-tlp = Метка TLP
library-tlp-hint = TLP:CLEAR и TLP:GREEN: все участвующие государства и организации. TLP:AMBER: только участвующие государства. TLP:AMBER+STRICT: учётные записи вашего государства и секретариат. TLP:RED предназначена для названных получателей: вместо этого отправьте сообщение.
library-field-languages = Языки документа
library-field-areas = Области
library-field-publisher = Кем опубликован
library-field-summary-in = Резюме (язык: { $language })
library-field-file = Файл
library-file-hint = PDF, PNG, JPEG или простой текст, не более 5 MiB.
library-field-reason = Причина отзыва
library-publish = Опубликовать
library-kind-national_strategy = Национальная стратегия
library-kind-policy = Политика или нормативный акт
library-kind-playbook = Руководство по реагированию на инциденты
library-kind-exercise_lessons = Уроки, извлечённые из учения
library-kind-guidance = Руководящие указания или передовая практика
library-error-title = Укажите название длиной от 3 до 200 символов в одну строку.
library-error-file = Выберите файл для публикации.
library-error-kind = Выберите вид документа.
library-error-tlp = Выберите метку TLP.
library-error-tlp-red = TLP:RED предназначена для названных получателей и никогда не используется в библиотеке: вместо этого отправьте сообщение или выберите другую метку.
library-error-languages = Выберите языки ООН, на которых составлен документ.
library-error-areas = Выберите из списка хотя бы одну область.
library-error-summary = Резюме должно быть на одном из шести языков ООН и не длиннее 2000 символов.
library-error-summary-missing = Документ составлен на этом языке: дайте резюме на этом языке.
library-error-reason = Укажите причину (не более 1000 символов).
library-refused-withdrawn = Документ уже отозван.
library-refused-not-participating = Ваше государство (пока) не участвует в справочнике, поэтому не может публиковать документы.
library-refused-not-a-state = Публиковать документы в библиотеке могут только государства и секретариат.
library-refused-not-publisher = Отозвать документ могут только опубликовавшее его государство и секретариат.
library-object = документ библиотеки { $id }
done-library-published = Документ опубликован.
done-library-withdrawn = Документ отозван; читатели больше его не видят.
values-log-library-publish = { $actor }: опубликован { $object }.
values-log-library-withdraw = { $actor }: отозван { $object }.
values-log-library-download = { $actor }: скачан { $object }.
