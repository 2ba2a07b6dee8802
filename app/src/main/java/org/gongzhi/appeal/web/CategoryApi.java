package org.gongzhi.appeal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gongzhi.appeal.CategoryCatalogue;
import org.gongzhi.appeal.CategoryDetails;
import org.gongzhi.appeal.CategoryView;
import org.gongzhi.platform.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/appeal-categories")
@Tag(
        name = "appeal-categories",
        description = "诉求分类: GB/T 30428 部件 and 事件 小类 and local categories, with limits, versioned")
class CategoryApi {

    private final CategoryCatalogue catalogue;
    private final org.gongzhi.platform.Permissions may;

    CategoryApi(CategoryCatalogue catalogue, org.gongzhi.platform.Permissions may) {
        this.catalogue = catalogue;
        this.may = may;
    }

    @GetMapping
    @Operation(
            summary = "Categories: all current versions, or those matching q for a type-ahead",
            description = "With q, active categories only, best match first, at most limit (1–50).")
    List<CategoryView> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int limit) {
        return q == null ? catalogue.list() : catalogue.search(q, limit);
    }

    @GetMapping("/{code}")
    @Operation(summary = "A category's current version; the ETag carries the version to send back as If-Match")
    ResponseEntity<CategoryView> one(@PathVariable String code) {
        CategoryView c = catalogue.require(code);
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a category, newest first")
    List<CategoryView> versions(@PathVariable String code) {
        return catalogue.history(code);
    }

    @PutMapping("/{code}")
    @Operation(
            summary = "Revise a category: a new version for appeals registered from now on",
            description = "If-Match carries the version read (the ETag): without it 428, a stale one 412.")
    ResponseEntity<CategoryView> revise(
            @PathVariable String code,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody CategoryDetails details) {
        // Who may not edit at all hears 403, whatever their If-Match says.
        may.require(org.gongzhi.appeal.AppealPermission.EDIT_CATEGORIES);
        CategoryView c = IfMatch.change(
                ifMatch,
                catalogue.require(code).version(),
                "appeal.category.version.missing",
                "appeal.category.version.stale",
                expected -> catalogue.revise(code, expected > Integer.MAX_VALUE ? -1 : (int) expected, details));
        return ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c);
    }
}
