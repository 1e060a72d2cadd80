# Confirmations shown above a page after a step (`see_other_done`): one
# `done-…` message per step.
done-signed-out = 您已退出登录。
