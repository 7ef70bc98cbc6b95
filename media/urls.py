app_name = "media"
urlpatterns: list = []
