# Пакеты индикаторов STIX 2.1 от заявителей: почему пакет отклонён. { $object } — место объекта в пакете и его идентификатор; { $property } — имя свойства.
stix-error-too-large = Пакет STIX больше 1 МиБ.
stix-error-not-json = Пакет STIX не является корректным JSON.
stix-error-too-deep = В пакете STIX слишком глубокая вложенность.
stix-error-not-bundle = Это не пакет STIX: он должен быть объектом JSON с типом «bundle».
stix-error-bundle-id = Идентификатор пакета должен состоять из «bundle--» и UUID.
stix-error-no-objects = Пакет должен содержать хотя бы один объект в «objects».
stix-error-too-many-objects = В пакете больше 1000 объектов.
stix-error-not-object = Объект { $object } не является объектом JSON.
stix-error-type = Объект { $object }: его тип не является допустимым типом STIX.
stix-error-id = Объект { $object }: его идентификатор должен состоять из его типа, «--» и UUID.
stix-error-duplicate-id = Объект { $object }: у другого объекта пакета такой же идентификатор.
stix-error-missing = Объект { $object }: отсутствует { $property }.
stix-error-invalid = Объект { $object }: недопустимое значение { $property }.
stix-error-modified-before-created = Объект { $object }: modified раньше, чем created.
stix-error-pattern = Объект { $object }: шаблон STIX искажён (скобки или кавычки не сбалансированы).
stix-error-external-id = Объект { $object }: external_id внешней ссылки не соответствует её источнику (CVE-ГГГГ-NNNN для «cve», CAPEC-N для «capec»).
