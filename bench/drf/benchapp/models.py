# The article table the node side creates and fills (unmanaged here: Django never migrates it).
from django.db import models


class Article(models.Model):
    id = models.IntegerField(primary_key=True)
    title = models.TextField()
    views = models.IntegerField()
    # Epoch seconds, as on the node side: no date conversion on either side.
    created = models.IntegerField()

    class Meta:
        managed = False
        db_table = "article"
