# Информаторы: открытая форма заявки, страницы проверки секретариата, письма заявителям и домашняя страница информатора.
reporters-apply-teaser = Компания, исследовательская группа или CSIRT, обнаружившие угрозы или уязвимости, могут уведомлять о них технических контактных лиц государств.
reporters-apply-link = Подать заявку на статус информатора
reporters-apply-title = Заявка на статус информатора
reporters-apply-intro = Компании, исследовательские группы и CSIRT, не входящие в справочник, могут стать проверенными информаторами: после одобрения они уведомляют технических контактных лиц государств-участников об угрозах и уязвимостях. Информатор никогда не видит справочник.
reporters-apply-what-next = Секретариат рассматривает каждую заявку и отвечает по электронной почте на выбранном вами языке.
reporters-apply-submit = Отправить заявку
reporters-field-organisation = Организация
reporters-field-country = Страна
reporters-field-website = Веб-сайт
reporters-website-hint = Адрес https://
reporters-field-contact-name = Контактное лицо
reporters-field-contact-email = Контактный адрес электронной почты
reporters-field-language = Язык нашего ответа
reporters-field-openpgp-key = Открытый ключ OpenPGP
reporters-openpgp-hint = Необязательно; в текстовом (ASCII) виде
reporters-field-why = Почему вы хотите уведомлять государства
reporters-why-hint = Чем вы занимаетесь и о чём бы сообщали
reporters-thanks-title = Заявка получена
reporters-thanks-body = Спасибо. Секретариат рассмотрит заявку и ответит контактному лицу по электронной почте.
reporters-thanks-back = На главную страницу
reporters-error-required = Это поле обязательно.
reporters-error-too-long = Слишком длинно.
reporters-error-control-characters = Содержит символы, которые невозможно отобразить.
reporters-error-country = Выберите страну из списка.
reporters-error-website = Укажите адрес https:// сайта с доменным именем, без имени пользователя и пароля.
reporters-error-email = Это не адрес электронной почты.
reporters-error-language = Выберите один из шести языков ООН.
reporters-error-not-now = Это решение невозможно при текущем статусе информатора.
reporters-error-reason-missing = Укажите причину: она будет отправлена заявителю.
reporters-error-reason-too-long = Причина длиннее 1000 символов.
reporters-error-address-taken = Для адреса контактного лица уже есть учётная запись или открытое приглашение.
reporters-error-decision = Неизвестное решение.
reporters-status-pending = Ожидает рассмотрения
reporters-status-approved = Одобрен
reporters-status-rejected = Отклонён
reporters-status-suspended = Приостановлен
reporters-decision-approve = Одобрить
reporters-decision-reject = Отклонить
reporters-decision-suspend = Приостановить
reporters-decision-reinstate = Восстановить
reporters-list-title = Информаторы
reporters-list-intro = Заявки компаний, исследовательских групп и CSIRT, сначала ожидающие рассмотрения. Одобрение заявки приглашает её контактное лицо создать учётную запись информатора.
reporters-list-pending = { $count ->
    [one] { $count } заявка ожидает рассмотрения.
    [few] { $count } заявки ожидают рассмотрения.
   *[other] { $count } заявок ожидают рассмотрения.
}
reporters-list-none = Заявок пока нет.
reporters-col-status = Статус
reporters-col-applied = Подана
reporters-col-reason = Причина
reporters-col-fingerprint = Отпечаток OpenPGP
reporters-col-when = Когда
reporters-col-decision = Решение
reporters-reason = Причина
reporters-history = Решения
reporters-home-suspended = Ваша организация приостановлена: вы по-прежнему можете входить в систему, но ничто из отправленного вами не доходит до государств, пока секретариат её не восстановит.
done-reporter-approved = Одобрено: контактному лицу отправлено приглашение создать учётную запись информатора.
done-reporter-rejected = Отклонено: заявителю сообщена причина.
done-reporter-suspended = Приостановлено: информатору сообщена причина.
done-reporter-reinstated = Восстановлено: информатор уведомлён.
reporters-mail-approve-subject = Ваша заявка на уведомление государств одобрена
reporters-mail-approve-body = Секретариат одобрил заявку организации { $organisation } на уведомление технических контактных лиц государств-участников.

    Создайте учётную запись информатора (пароль и второй фактор) по этой ссылке до { $expires }:
    { $link }
reporters-mail-reject-subject = Ваша заявка на уведомление государств
reporters-mail-reject-body = Секретариат не одобрил заявку организации { $organisation }.

    Причина: { $reason }
reporters-mail-suspend-subject = Ваша учётная запись информатора приостановлена
reporters-mail-suspend-body = Секретариат приостановил статус информатора организации { $organisation }: ничто из отправленного ею не доходит до государств до восстановления.

    Причина: { $reason }
reporters-mail-reinstate-subject = Ваша учётная запись информатора восстановлена
reporters-mail-reinstate-body = Секретариат восстановил статус информатора организации { $organisation }. Вход: { $link }
values-log-reporter-apply = { $actor }: подана заявка на статус информатора — { $object }.
values-log-reporter-approve = { $actor }: одобрен { $object }.
values-log-reporter-reject = { $actor }: отклонён { $object }.
values-log-reporter-suspend = { $actor }: приостановлен { $object }.
values-log-reporter-reinstate = { $actor }: восстановлен { $object }.
reporters-object = информатор № { $id }
reporters-help-vet = Проверка информаторов
reporters-help-vet-text = Откройте раздел «Информаторы» с домашней страницы: заявки, ожидающие рассмотрения, идут первыми. При сомнениях проверьте организацию, её сайт и ключ OpenPGP по другому каналу. Одобрите заявку, чтобы пригласить контактное лицо создать учётную запись информатора; отклоните с указанием причины — она будет отправлена заявителю. Приостановите одобренного информатора с указанием причины при злоупотреблениях: он по-прежнему может входить, но ничто из отправленного им не уходит, пока вы его не восстановите.
reporters-help-apply = Заявка на статус информатора
reporters-help-apply-text = Воспользуйтесь формой «Подать заявку на статус информатора» на публичной странице или странице входа: учётная запись не нужна. Укажите сайт https и адрес, который вы читаете; секретариат ответит на выбранном языке. При одобрении письмо будет содержать ссылку для установки пароля и второго фактора.
reporters-help-status = Ваш статус
reporters-help-status-text = На домашней странице показаны ваша организация и её статус. Приостановленный информатор может входить в систему и видит причину, но ничто из отправленного им не доходит до государств, пока секретариат его не восстановит.
reporters-col-language = Язык писем
reporters-col-why = Почему организация хочет уведомлять государства
