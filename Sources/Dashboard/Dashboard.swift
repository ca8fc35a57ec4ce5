/// State, messages, update and view of the dashboard.
