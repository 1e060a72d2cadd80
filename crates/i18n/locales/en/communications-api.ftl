# Communications over the JSON API: what only the API's requests can get wrong.

comm-api-error-to-either = Give either “states” (with “roles”) or “pocs”, not both.
comm-api-error-base64 = This file’s content is not valid base64.
comm-api-error-accounts = Give “accounts” as 1 to 200 account ids separated by commas.
