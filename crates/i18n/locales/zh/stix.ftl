# 报告方发送的 STIX 2.1 指标包：包被拒绝的原因。{ $object } 是对象在包中的位置及其标识符；{ $property } 是属性名称。
stix-error-too-large = STIX 包大于 1 MiB。
stix-error-not-json = STIX 包不是有效的 JSON。
stix-error-too-deep = STIX 包嵌套层级过深。
stix-error-not-bundle = 这不是 STIX 包：它必须是类型为“bundle”的 JSON 对象。
stix-error-bundle-id = 包的标识符必须是“bundle--”后接一个 UUID。
stix-error-no-objects = 包的“objects”中必须至少有一个对象。
stix-error-too-many-objects = 包中的对象超过 1000 个。
stix-error-not-object = 对象 { $object } 不是 JSON 对象。
stix-error-type = 对象 { $object }：其类型不是有效的 STIX 类型。
stix-error-id = 对象 { $object }：其标识符必须由其类型、“--”和一个 UUID 组成。
stix-error-duplicate-id = 对象 { $object }：包中另一个对象具有相同的标识符。
stix-error-missing = 对象 { $object }：缺少 { $property }。
stix-error-invalid = 对象 { $object }：{ $property } 无效。
stix-error-modified-before-created = 对象 { $object }：modified 早于 created。
stix-error-pattern = 对象 { $object }：STIX 模式格式错误（方括号或引号不配对）。
stix-error-external-id = 对象 { $object }：外部引用的 external_id 与其来源不符（“cve”应为 CVE-YYYY-NNNN，“capec”应为 CAPEC-N）。
