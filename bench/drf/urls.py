# The three DRF pagination styles over the article table, 20 a page, as a DRF project writes them:
# a ModelSerializer and a ListAPIView each. Ordering `-created` (cursor: DRF's CursorPagination
# orders by it alone; page number and limit-offset: `-created, -id`, as pagewise appends the id).
from django.urls import path
from rest_framework import generics, pagination, serializers

from benchapp.models import Article


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "views", "created"]


class Cursor(pagination.CursorPagination):
    page_size = 20
    ordering = "-created"


class Pages(pagination.PageNumberPagination):
    page_size = 20


class Offsets(pagination.LimitOffsetPagination):
    default_limit = 20


def listing(paginator, ordering):
    return generics.ListAPIView.as_view(
        queryset=Article.objects.order_by(*ordering),
        serializer_class=ArticleSerializer,
        pagination_class=paginator,
    )


urlpatterns = [
    path("cursor", listing(Cursor, ["-created"])),
    path("pages", listing(Pages, ["-created", "-id"])),
    path("offset", listing(Offsets, ["-created", "-id"])),
]
