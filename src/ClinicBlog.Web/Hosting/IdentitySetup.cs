using ClinicBlog.Core.Authors;
using ClinicBlog.Core.Data;
using ClinicBlog.Web.Accounts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;

namespace ClinicBlog.Web.Hosting;

internal static class IdentitySetup
{
    /// <summary>The staff sign-in cookie; its presence makes a request bypass the reader cache.</summary>
    public const string StaffCookieName = "clinicblog.staff";

    /// <summary>The rate-limit policy on the sign-in POSTs.</summary>
    public const string SignInRateLimitPolicy = "sign-in";

    /// <summary>Staff accounts with ASP.NET Core Identity, stored in the blog's database,
    /// signed in with a cookie that only staff pages ever set.</summary>
    public static void AddStaffIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                // Wrong passwords never lock an account (SignInThrottle holds back the guessing client
                // instead); Identity's lockout stays for an admin's lock and for wrong two-factor codes,
                // which only someone who knows the password can send.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<BlogDbContext>()
            .AddUserStore<ProtectedAuthenticatorKeyStore>()
            .AddDefaultTokenProviders();

        services.AddScoped<Areas.Admin.StaffContext>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Authorization.StaffResourceHandler>();
        services.TryAddSingleton<ClinicBlog.Core.Security.ISignInThrottle, ClinicBlog.Core.Security.SignInThrottle>();
        // Lockout protects each account; this slows a guesser spreading attempts over many accounts.
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInRateLimitPolicy, context =>
        {
            var permits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClinicBlog.Core.BlogOptions>>().Value.SignInRateLimitPermits;
            return SharedStateSetup.FixedWindow(context, SignInRateLimitPolicy, permits, TimeSpan.FromMinutes(1), failOpen: false);
        }));
        // Check the account on every staff request, so a lock, a role change or a password reset
        // takes effect at once instead of after the default 30 minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = StaffCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        // The sign-in and two-factor cookies are Secure outside Development: browsers send them only
        // over HTTPS, or to http://localhost, which they count as secure. The antiforgery cookie is
        // Secure whenever the request is HTTPS: ASP.NET Core refuses to issue an always-Secure one
        // over plain HTTP at all, which would break sign-in on http://localhost; it is no credential.
        var secure = SecurePolicy(builder.Environment);
        services.PostConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(options => options.Cookie.SecurePolicy = secure);
        services.PostConfigure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options => options.Cookie.SecurePolicy = secure);
    }

    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}
