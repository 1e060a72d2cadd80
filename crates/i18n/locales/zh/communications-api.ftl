# 通过 JSON API 的通信：只有 API 请求才可能出现的错误。

comm-api-error-to-either = 请给出“states”（及“roles”）或“pocs”，不能同时给出两者。
comm-api-error-base64 = 此文件的内容不是有效的 base64。
comm-api-error-accounts = 请将“accounts”写成 1 至 200 个以逗号分隔的账户编号。
