# The page frame, the directory table's order and size, recovery codes on paper or in a file.
app-subtitle = 联络点名录
nav-main = 主菜单
directory-per-page = 每页行数
directory-sorted-by = 按此列排序
directory-error-sort = 表格不能按该列排序。
directory-error-per-page = 请选择每页 1 到 200 行。
recovery-download = 下载为文本文件
recovery-print-hint = 如需纸质保存，请打印本页：只会打印恢复码。
recovery-file-heading = { $email } 的 pocdir 恢复码
recovery-file-note = 如果您丢失了身份验证器，每个恢复码可供您登录一次。请将此文件保存在安全的地方，与您的设备分开存放。
recovery-error-codes = 这些不是本页显示的恢复码。
