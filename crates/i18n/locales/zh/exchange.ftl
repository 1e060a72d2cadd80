## Messages for export (CSV, JSON, vCard) and import of nominations.

directory-export = 导出这些结果：
export-tlp-notice = TLP:AMBER+STRICT — 仅限在贵方本组织内部共享。每次导出都会记录为对其所含每个条目的一次查阅。

exchange-error-format = 请选择导出格式：csv、json 或 vcard。
exchange-error-import-format = 请选择导入格式：csv 或 json。
exchange-error-mode = 请选择导入模式：dry_run、commit 或 accept_valid。
exchange-error-too-large = 文件过大：最多 { $max_mib } MiB。
exchange-error-too-many-rows = 文件行数过多：最多 { $max_rows } 行。
exchange-error-not-text = 该文件不是 UTF-8 文本。
exchange-error-empty = 文件中没有任何行。
exchange-error-malformed = 无法按所选格式读取该文件。
exchange-error-missing-column = 缺少必填列：{ $column }。
exchange-error-unknown-column = 未知列：{ $column }。
exchange-error-participant = 不是参与方代码（例如 PAK、FRA）。
exchange-error-unknown-participant = 没有使用此代码的参与方。
exchange-error-participant-gone = 导入期间有参与方被删除。未导入任何内容；请重新检查文件。
exchange-error-cell-count = 此行的单元格数与标题行不一致。
exchange-error-not-an-object = 每条记录必须是带有命名字段的对象。
exchange-error-unknown-field = 未知字段。
exchange-error-expected-text = 此处应为文本。
exchange-error-expected-list = 此处应为列表。
exchange-error-expected-phone = 此处应为电话号码及其用途。
exchange-error-bad-rows = 部分行存在问题，因此未导入任何内容。请更正这些行，或仅导入有效的行。
exchange-error-nothing-valid = 没有任何有效的行，因此未导入任何内容。
exchange-error-no-file = 请选择要导入的文件。

import-link = 从文件导入提名
import-title = 导入提名
import-intro = 请先检查 CSV 或 JSON 文件：将列出每一行的每个问题，且不会写入任何内容。然后导入全部行，或仅导入有效的行。导入的提名将在队列中等待核实。
import-columns = 列（列表项以“;”分隔，电话写作“+E164 用途”）：
import-upload = 待检查的文件
import-file = CSV 或 JSON 文件
import-format = 格式
import-format-auto = 根据文件名判断
import-check = 检查文件
import-report = 检查结果
import-rows = 已读取 { $count } 行
import-valid-rows = { $count } 行有效
import-bad-rows = { $count } 行有问题
import-col-row = 行
import-col-field = 字段
import-col-message = 问题
import-commit = 导入 { $count } 项提名
import-accept-valid = 仅导入 { $count } 个有效行
import-accept-valid-hint = 有问题的行将被略过，不会导入。
import-done = 已导入 { $count } 项提名，正在等待核实。
