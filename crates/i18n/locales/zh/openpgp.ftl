## Messages for OpenPGP public keys of PoCs.

poc-field-openpgp-key = OpenPGP 公钥
form-openpgp-key-hint = 选填；请粘贴完整的 ASCII 铠装格式公钥，从“-----BEGIN PGP PUBLIC KEY BLOCK-----”到 END 行为止。切勿粘贴私钥。
poc-openpgp-fingerprint = 指纹
poc-openpgp-algorithm = 算法
poc-openpgp-created = 创建日期
poc-openpgp-expires = 到期日期
poc-openpgp-no-expiry = 永不过期
poc-openpgp-show-key = 显示公钥
poc-openpgp-expires-soon = { $days ->
    [0] 此密钥今天到期。请联络人提供更新后的密钥。
   *[other] 此密钥将在 { $days } 天后到期。请联络人提供更新后的密钥。
}
poc-openpgp-expired-warning = 此密钥已过期：请勿再用它加密。请联络人提供新的密钥。

poc-error-openpgp-not-a-key = 这不是 OpenPGP 公钥。请粘贴以“-----BEGIN PGP PUBLIC KEY BLOCK-----”开头的 ASCII 铠装文本块。
poc-error-openpgp-secret-key = 这是一把私钥，系统未予保存。请只粘贴公钥；如果您曾将该私钥发送到其他地方，应视其为已泄露。
poc-error-openpgp-several-keys = 请只粘贴一把公钥；此文本包含多把密钥。
poc-error-openpgp-too-large = 此密钥过大（超过 64 KiB）。请在导出时去掉第三方签名（例如 gpg --export-options export-minimal）。
poc-error-openpgp-bad-signature = 此密钥已损坏：其自签名无法通过验证。请从密钥持有人的密钥环重新导出。
poc-error-openpgp-expired = 此密钥已过期。请延长其有效期或提供新的密钥。
poc-error-openpgp-revoked = 此密钥已被其持有人吊销。请提供新的密钥。
poc-error-openpgp-no-encryption = 无法使用此密钥加密：它没有有效的加密子密钥。请添加一个（例如 gpg --quick-add-key 指纹 cv25519 encr）后重新导出。
