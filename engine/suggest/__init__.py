"""`gapcheck suggest`: draft the smallest amendment that closes gaps, proven by re-running the rules.

Suggest decides no status: it reads the criteria the rules derived, proposes
edits (`repair`), and keeps an edit only if re-evaluating the law with it shows
every targeted requirement `met` and nothing regressed or weakened (`search`).
"""
