# Сообщения через JSON API: ошибки, возможные только в запросах к API.

comm-api-error-to-either = Укажите либо «states» (с «roles»), либо «pocs», но не оба сразу.
comm-api-error-base64 = Содержимое этого файла не является допустимым base64.
comm-api-error-accounts = Укажите «accounts» как от 1 до 200 идентификаторов учётных записей через запятую.
