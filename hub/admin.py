from django.contrib import admin

admin.site.site_header = "Wegwijs editors"
admin.site.site_title = "Wegwijs admin"
admin.site.index_title = "Content"
