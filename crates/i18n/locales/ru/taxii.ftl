# TAXII 2.1: записи журнала о коллекциях и объектах STIX.
taxii-object-collection = коллекция TAXII { $id }
values-log-taxii-create-collection = { $actor }: создана { $object }.
values-log-taxii-add = { $actor }: в { $object } добавлены объекты STIX.
values-log-taxii-delete = { $actor }: из { $object } удалён объект STIX.

# TAXII 2.1: заголовки ошибок (клиенты TAXII получают их на английском).
taxii-error-not-acceptable = Ответ может быть только в TAXII 2.1: запросите application/taxii+json;version=2.1.
taxii-error-content-type = Отправьте конверт как application/taxii+json;version=2.1.
taxii-error-filter-unknown = Эта точка доступа не принимает параметр { $parameter }.
taxii-error-filter-repeated = Параметр { $parameter } указан более одного раза.
taxii-error-filter-invalid = Значение параметра { $parameter } не удаётся прочитать.
taxii-error-next-forged = Этот next выдан не этим сервером для этой коллекции и этих фильтров.
taxii-error-next-expired = Срок действия этого next истёк: начните снова с первой страницы.
taxii-error-not-envelope = Тело запроса не является конвертом TAXII: объектом JSON с массивом «objects».
taxii-error-empty-envelope = В конверте нет объектов.
taxii-error-too-many-objects = В конверте больше объектов, чем можно добавить одним запросом ({ $max }).
taxii-error-may-not-read = Эта учётная запись не может читать эту коллекцию.
taxii-error-may-not-write = Эта учётная запись не может писать в эту коллекцию.

# TAXII 2.1: как подключается клиент TAXII технического контактного лица или информатора.
account-taxii-heading = Обмен данными об угрозах (TAXII 2.1)
account-taxii-intro = Ваш клиент TAXII 2.1 (например, MISP, OpenCTI или taxii2-client) обменивается здесь данными STIX 2.1 с другими участвующими государствами. Укажите ему эти параметры:
account-taxii-server = Сервер (обнаружение)
account-taxii-user = Имя пользователя
account-taxii-password = Пароль
account-taxii-password-is = API-токен с этой страницы: «чтение» — чтобы получать, «чтение и запись» — чтобы делиться.
home-taxii-link = Обмен данными об угрозах (TAXII 2.1): как подключиться
help-task-taxii = Обмен данными об угрозах через TAXII 2.1
help-task-taxii-text = Технические контактные лица делятся данными STIX 2.1 и получают их через TAXII 2.1: общая коллекция всех участвующих государств и входящая коллекция каждого государства, куда пишут другие и которую читает только это государство. Адрес сервера указан на странице вашей учётной записи; имя пользователя — ваш адрес электронной почты, пароль — API-токен. Объект без маркировки TLP получает метку своей коллекции; объекты TLP:RED отклоняются. Проверенные информаторы пишут во входную коллекцию и ничего не читают.
